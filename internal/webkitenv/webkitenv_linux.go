//go:build linux

package webkitenv

import (
	"os"
	"path/filepath"
)

// Set sets, through their own environment variables, how GTK, WebKitGTK
// and JavaScriptCore run in this process and in WebKit's. Call it before
// GTK starts (in wails.Run).
//
// It keeps GTK and WebKitGTK from loading the OpenGL driver into this
// process. The window paints on the CPU (GPUPolicy), so nothing here draws
// with GL, yet both set it up when they start: in Mesa that is the driver
// and LLVM, about 30 MB (README, Memory). What the user sees does not
// change, with or without a GPU: nothing in this process draws with GL. The
// web process still opens its own EGL display, which WebKitGTK requires.
//
// And it turns JavaScriptCore's JIT compilers off. The page is this app's own
// 100 KB of scripts, which the interpreter runs as fast as the user can see
// (scripts/bench-quick.sh times the same with and without); without the JIT
// the web process is 4 MB smaller (README, Memory) and has no memory that is
// both written and run, the part of a browser engine attacks aim at first.
//
// A variable the user has set keeps its value. The variables are inherited by
// WebKit's web and network processes, where they mean the same.
func Set() {
	setUnsetEnv(webkitEnv("/dev/dri"))
}

// webkitEnv is the environment Set sets, for a machine whose DRM
// device nodes are in dir.
func webkitEnv(dir string) [][2]string {
	return [][2]string{
		{"JSC_useJIT", "false"},
		// GTK 3 probes GLX when it opens the X display, which loads the
		// driver; no widget of ours uses GL.
		{"GDK_GL", "disable"},
		// The DMA-BUF renderer carries composited (GPU) frames from the web
		// process, and the UI process opens EGL to check what it needs. With
		// the GPU policy "never" nothing is composited, so it carries nothing.
		{"WEBKIT_DISABLE_DMABUF_RENDERER", "1"},
		// The UI process opens EGL only to learn which render node to hand
		// the web process; this names it instead.
		{"WEBKIT_WEB_RENDER_DEVICE_FILE", firstRenderNode(dir)},
	}
}

// firstRenderNode is the first DRM render node in dir, the one WebKit itself
// takes when EGL cannot say. On a machine without any it is the name the
// first would have: the web process finds no such device and goes on
// without one, as it does when EGL names none.
func firstRenderNode(dir string) string {
	// Render nodes are numbered 128 to 255, so the names sort as numbers.
	nodes, _ := filepath.Glob(filepath.Join(dir, "renderD*")) // only a bad pattern errs
	if len(nodes) > 0 {
		return nodes[0]
	}
	return filepath.Join(dir, "renderD128")
}

// setUnsetEnv sets each variable that is not already in the environment.
func setUnsetEnv(vars [][2]string) {
	for _, v := range vars {
		if _, set := os.LookupEnv(v[0]); !set {
			os.Setenv(v[0], v[1]) // errs only on a name with "=" or NUL
		}
	}
}
