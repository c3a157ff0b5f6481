//go:build !linux

package webkitenv

// Set has nothing to do outside Linux: WebView2 and WKWebView choose their
// own renderer and JavaScript engine settings (webkitenv_linux.go says what
// it does there).
func Set() {}
