//go:build linux

package webkitenv

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFirstRenderNode(t *testing.T) {
	dir := t.TempDir()
	if got, want := firstRenderNode(dir), filepath.Join(dir, "renderD128"); got != want {
		t.Errorf("without render nodes: %q, want %q", got, want)
	}
	for _, name := range []string{"card1", "renderD130", "renderD129", "card0"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := firstRenderNode(dir), filepath.Join(dir, "renderD129"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A variable the user set keeps its value, even an empty one.
func TestSetUnsetEnvKeepsTheUsers(t *testing.T) {
	t.Setenv("FORGIVA_TEST_GL_SET", "0")
	t.Setenv("FORGIVA_TEST_GL_EMPTY", "")
	t.Setenv("FORGIVA_TEST_GL_UNSET", "")
	os.Unsetenv("FORGIVA_TEST_GL_UNSET") // t.Setenv restores it afterwards
	setUnsetEnv([][2]string{
		{"FORGIVA_TEST_GL_SET", "1"},
		{"FORGIVA_TEST_GL_EMPTY", "1"},
		{"FORGIVA_TEST_GL_UNSET", "1"},
	})
	for name, want := range map[string]string{
		"FORGIVA_TEST_GL_SET":   "0",
		"FORGIVA_TEST_GL_EMPTY": "",
		"FORGIVA_TEST_GL_UNSET": "1",
	} {
		if got := os.Getenv(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}
