//go:build !forgivavault

package cli

// Until backend/vault compiles, the CLI has only its stateless commands.

func vaultCommands() []*command { return nil }

func vaultMessage(error) (string, bool) { return "", false }
