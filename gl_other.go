//go:build !linux

package main

// keepGLOutOfThisProcess has nothing to do outside Linux: WebView2 and
// WKWebView choose their own renderer (gl_linux.go says what it does there).
func keepGLOutOfThisProcess() {}
