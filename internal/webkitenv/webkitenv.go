// Package webkitenv holds how the app runs WebKitGTK on Linux, the largest
// part of its memory (README, Memory): the environment set before GTK
// starts (Set) and the web view's GPU policy. The app and the memory
// floor (test/memfloor, an empty window measured beside it) share them.
package webkitenv

import "github.com/wailsapp/wails/v2/pkg/options/linux"

// GPUPolicy is the web view's: the UI is forms and lists, which look the
// same painted on the CPU, and the web process is about 85 MB smaller
// without the GL stack (Mesa, LLVM) and its buffers. Set keeps GL out of the
// Go process too.
const GPUPolicy = linux.WebviewGpuPolicyNever
