package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/forgiva/forgiva-desktop/backend/strength"
	"github.com/forgiva/forgiva-desktop/backend/vault"
)

// passwordEnv holds the vault password for scripts (README, "Command line").
const passwordEnv = "FORGIVA_VAULT_PASSWORD"

func vaultCommands() []*command {
	return []*command{
		{name: "init", summary: "create the vault (password: first line of stdin, or a prompt)", run: runInit},
		{name: "unlock", synopsis: "[--remember HOURS]", summary: "remember the vault password in the OS keyring for a while", run: runUnlock},
		{name: "lock", summary: "forget the remembered vault password", run: runLock},
		{name: "group", synopsis: groupSynopsis, summary: "add, list or remove groups (to the Trash)", run: runGroup},
		{name: "add", synopsis: addSynopsis, summary: "add an entry (prints its ID)", run: runAdd},
		{name: "edit", synopsis: editSynopsis, summary: "change an entry", run: runEdit},
		{name: "ls", synopsis: "[--group ID] [--start N] [--count N]", summary: "list entries", run: runList},
		{name: "search", synopsis: "TEXT", summary: "find entries by host or account", run: runSearch},
		{name: "hosts", synopsis: "[FILTER]", summary: "list the hosts in use", run: runHosts},
		{name: "rm", synopsis: "ID", summary: "move an entry to the Trash", run: runRemove},
		{name: "trash", synopsis: trashSynopsis, summary: "list the Trash, restore from it or delete for good", run: runTrash},
		{name: "gen", synopsis: genSynopsis, summary: "generate the password of an entry", run: runGen},
		{name: "settings", synopsis: "get [KEY] | set KEY VALUE | set signature (value on stdin)", summary: "read or change a setting", run: runSettings},
		{name: "passwd", summary: "change the vault password (stdin: old, then new)", run: runPasswd},
		{name: "check", summary: "check every row of the vault for changes made outside Forgiva (needs the vault password)", run: runCheck},
		{name: "export", synopsis: "[--encrypt] [--group ID] [-o FILE]", summary: "write a Forgiva backup file (prints its path)", run: runExport},
		{name: "import", synopsis: "FILE", summary: "merge a Forgiva backup file into the vault", run: runImport},
	}
}

// vaultMessage gives the vault's words for people; the vault keeps causes
// (SQL, keyring) out of them.
func vaultMessage(err error) (string, bool) {
	var vaultErr *vault.Error
	if errors.As(err, &vaultErr) {
		return vault.ErrorMessage(err), true
	}
	return "", false
}

func (inv *invocation) vaultOptions() vault.Options {
	return vault.Options{Dir: inv.dataDir, Now: inv.env.Now, Estimator: strength.Local{}}
}

// vaultDir is the directory the vault lives in, for messages.
func (inv *invocation) vaultDir() (string, error) {
	if inv.dataDir != "" {
		return inv.dataDir, nil
	}
	dir, err := vault.DefaultDir()
	if err != nil {
		return "", fmt.Errorf("find the data dir: %w", err)
	}
	return dir, nil
}

// openVault opens the existing vault, locked.
func (inv *invocation) openVault(ctx context.Context) (*vault.Vault, error) {
	dir, err := inv.vaultDir()
	if err != nil {
		return nil, err
	}
	exists, err := vault.Exists(dir)
	if err != nil {
		return nil, err
	}
	if !exists {
		return nil, userErrorf("there is no vault in %s yet: create one with 'forgiva init'", dir)
	}
	return vault.Open(ctx, inv.vaultOptions())
}

// unlockedVault opens the vault and unlocks it with, in order, the password
// in FORGIVA_VAULT_PASSWORD, a session remembered in the OS keyring, or a
// prompt on the terminal. The caller closes it.
func (inv *invocation) unlockedVault(ctx context.Context) (*vault.Vault, error) {
	v, err := inv.openVault(ctx)
	if err != nil {
		return nil, err
	}
	if err := inv.unlock(ctx, v); err != nil {
		v.Close()
		return nil, err
	}
	return v, nil
}

func (inv *invocation) unlock(ctx context.Context, v *vault.Vault) error {
	if password, ok := inv.envPassword(); ok {
		defer wipe(password)
		return v.Unlock(ctx, password, 0)
	}
	err := v.UnlockFromSession(ctx)
	if err == nil || vault.ErrorCode(err) != vault.Locked {
		return err
	}
	if !inv.env.StdinTerminal {
		return userErrorf("the vault is locked: set %s, or run 'forgiva unlock' in a terminal first", passwordEnv)
	}
	password, err := inv.env.ReadSecret(ctx, "Vault password: ")
	if err != nil {
		return err
	}
	defer wipe(password)
	return v.Unlock(ctx, password, 0)
}

// envPassword returns a copy of FORGIVA_VAULT_PASSWORD when it is set and
// not empty. The environment's own string cannot be wiped.
func (inv *invocation) envPassword() ([]byte, bool) {
	password, ok := inv.env.LookupEnv(passwordEnv)
	if !ok || password == "" {
		return nil, false
	}
	return []byte(password), true
}

// parseID reads an ID argument or flag value.
func parseID(what, text string) (int64, error) {
	id, err := strconv.ParseInt(text, 10, 64)
	if err != nil || id <= 0 {
		return 0, usageErrorf("%s must be a positive number, not %q", what, text)
	}
	return id, nil
}

// withLockedVault runs do on the vault as opened, still locked, and closes
// it: for the commands that need no unlocked data (lock, passwd).
func (inv *invocation) withLockedVault(ctx context.Context, do func(v *vault.Vault) error) error {
	v, err := inv.openVault(ctx)
	if err != nil {
		return err
	}
	defer v.Close()
	return do(v)
}

// withVault runs do on the unlocked vault and closes it.
func (inv *invocation) withVault(ctx context.Context, do func(v *vault.Vault) error) error {
	v, err := inv.unlockedVault(ctx)
	if err != nil {
		return err
	}
	defer v.Close()
	return do(v)
}

// printID prints the ID of something created: alone on a line, or {"id":N}.
func (inv *invocation) printID(id int64) error {
	if inv.json {
		return inv.writeJSON(map[string]int64{"id": id})
	}
	_, err := fmt.Fprintln(inv.env.Stdout, id)
	return err
}
