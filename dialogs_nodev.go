//go:build !dev

package main

import "github.com/forgiva/forgiva-desktop/internal/desktop"

// withTestDialogs leaves the runtime alone: only the dev build lets a test
// answer the file dialogs (see dialogs_dev.go).
func withTestDialogs(rt desktop.Runtime) desktop.Runtime { return rt }
