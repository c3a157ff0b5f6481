//go:build dev

package main

import (
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/forgiva/forgiva-desktop/internal/desktop"
)

// testDialogAnswerEnv names a file whose content answers the native file
// dialogs. It exists only in the dev build (scripts/build.sh dev), which
// the browser end-to-end tests (test/e2e) drive: a browser cannot reach
// GTK's Save and Open dialogs. Production builds leave this file out, so
// no environment variable can change their dialogs.
const testDialogAnswerEnv = "FORGIVA_TEST_DIALOG_ANSWER"

// withTestDialogs answers rt's file dialogs from the file named by
// FORGIVA_TEST_DIALOG_ANSWER, when it is set.
func withTestDialogs(rt desktop.Runtime) desktop.Runtime {
	file := os.Getenv(testDialogAnswerEnv)
	if file == "" {
		return rt
	}
	log.Printf("forgiva-desktop: dev build: file dialogs answered from %s (%s)", file, testDialogAnswerEnv)
	return answeredDialogs{Runtime: rt, file: file}
}

// answeredDialogs is a Runtime whose dialogs return the path written in
// file at the time of the call ("" = cancelled), so a test can change it
// between calls.
type answeredDialogs struct {
	desktop.Runtime
	file string
}

func (d answeredDialogs) answer() (string, error) {
	b, err := os.ReadFile(d.file)
	if err != nil {
		return "", fmt.Errorf("read the test dialog answer: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}

func (d answeredDialogs) SaveFileDialog(string, string) (string, error) { return d.answer() }

func (d answeredDialogs) OpenFileDialog(string) (string, error) { return d.answer() }
