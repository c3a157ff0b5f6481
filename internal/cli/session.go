package cli

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/vault"
)

func runInit(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	if _, err := inv.parse(fs, args, 0, 0); err != nil {
		return err
	}
	dir, err := inv.vaultDir()
	if err != nil {
		return err
	}
	exists, err := vault.Exists(dir)
	if err != nil {
		return err
	}
	if exists {
		return userErrorf("a vault already exists in %s", dir)
	}
	password, err := inv.newVaultPassword(ctx)
	if err != nil {
		return err
	}
	defer wipe(password)
	v, err := vault.Create(ctx, inv.vaultOptions(), password)
	if err != nil {
		return err
	}
	defer v.Close()
	if inv.json {
		return inv.writeJSON(map[string]string{"dir": dir})
	}
	_, err = fmt.Fprintf(inv.env.Stdout, "Created the vault in %s\n", dir)
	return err
}

// newVaultPassword is the password for a new vault: the first line of stdin
// when it is not a terminal, else FORGIVA_VAULT_PASSWORD, else typed twice.
func (inv *invocation) newVaultPassword(ctx context.Context) ([]byte, error) {
	if !inv.env.StdinTerminal {
		line, err := inv.stdinLine()
		if err != nil || line != nil {
			return line, err
		}
	}
	if password, ok := inv.envPassword(); ok {
		return password, nil
	}
	if !inv.env.StdinTerminal {
		return nil, userErrorf("no vault password: give it as the first line of standard input")
	}
	return inv.typedTwice(ctx, "New vault password: ")
}

// typedTwice prompts for a new password and its confirmation.
func (inv *invocation) typedTwice(ctx context.Context, prompt string) ([]byte, error) {
	password, err := inv.env.ReadSecret(ctx, prompt)
	if err != nil {
		return nil, err
	}
	again, err := inv.env.ReadSecret(ctx, "Again: ")
	defer wipe(again)
	if err != nil {
		wipe(password)
		return nil, err
	}
	if !bytes.Equal(password, again) {
		wipe(password)
		return nil, userErrorf("the two passwords differ")
	}
	return password, nil
}

func runUnlock(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	hours := fs.Int("remember", 0, "remember the password for `HOURS` (default: the session_remember_hours setting)")
	if _, err := inv.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if *hours < 0 {
		return usageErrorf("--remember must be 0 or more hours")
	}
	v, err := inv.openVault(ctx)
	if err != nil {
		return err
	}
	defer v.Close()
	password, err := inv.unlockPassword(ctx)
	if err != nil {
		return err
	}
	defer wipe(password)
	if err := v.Unlock(ctx, password, 0); err != nil {
		return err
	}
	if !flagsGiven(fs)["remember"] {
		// The default lives in the vault's settings, checked once unlocked.
		settings, err := v.Settings(ctx)
		if err != nil {
			return err
		}
		*hours = settings.SessionRememberHours
	}
	if *hours > 0 {
		if err := v.Remember(ctx, time.Duration(*hours)*time.Hour); err != nil {
			return err // a keyring that refuses is an error here: remembering is the point
		}
	}
	return inv.reportSession(*hours)
}

// unlockPassword is the password given to "unlock": FORGIVA_VAULT_PASSWORD,
// else a prompt (a remembered session proves nothing here).
func (inv *invocation) unlockPassword(ctx context.Context) ([]byte, error) {
	if password, ok := inv.envPassword(); ok {
		return password, nil
	}
	if !inv.env.StdinTerminal {
		return nil, userErrorf("no vault password: set %s or run this command in a terminal", passwordEnv)
	}
	return inv.env.ReadSecret(ctx, "Vault password: ")
}

func (inv *invocation) reportSession(hours int) error {
	if inv.json {
		return inv.writeJSON(map[string]int{"remembered_hours": hours})
	}
	var err error
	if hours > 0 {
		_, err = fmt.Fprintf(inv.env.Stdout, "Unlocked; the password is remembered for %d hours ('forgiva lock' forgets it)\n", hours)
	} else {
		_, err = fmt.Fprintln(inv.env.Stdout, "The password is correct; nothing is remembered")
	}
	return err
}

func runLock(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	if _, err := inv.parse(fs, args, 0, 0); err != nil {
		return err
	}
	return inv.withLockedVault(ctx, func(v *vault.Vault) error { return v.Lock(ctx) })
}

func runPasswd(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	if _, err := inv.parse(fs, args, 0, 0); err != nil {
		return err
	}
	return inv.withLockedVault(ctx, func(v *vault.Vault) error {
		old, updated, err := inv.passwordChange(ctx)
		if err != nil {
			return err
		}
		defer wipe(old)
		defer wipe(updated)
		return v.ChangePassword(ctx, old, updated)
	})
}

// passwordChange reads the old and the new vault password: the first two
// lines of stdin when it is not a terminal, else prompts.
func (inv *invocation) passwordChange(ctx context.Context) (old, updated []byte, err error) {
	if !inv.env.StdinTerminal {
		lines, err := readLines(inv.env.Stdin, 2)
		if err != nil {
			return nil, nil, err
		}
		if len(lines) < 2 {
			wipeAll(lines)
			return nil, nil, userErrorf("give the old password and the new one on the first two lines of standard input")
		}
		return lines[0], lines[1], nil
	}
	old, err = inv.env.ReadSecret(ctx, "Current vault password: ")
	if err != nil {
		return nil, nil, err
	}
	updated, err = inv.typedTwice(ctx, "New vault password: ")
	if err != nil {
		wipe(old)
		return nil, nil, err
	}
	return old, updated, nil
}

// runCheck verifies every integrity tag and the seal with the vault
// password and lists each row that fails; it exits 1 if any does.
func runCheck(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	if _, err := inv.parse(fs, args, 0, 0); err != nil {
		return err
	}
	return inv.withLockedVault(ctx, func(v *vault.Vault) error {
		password, err := inv.vaultPassword(ctx)
		if err != nil {
			return err
		}
		defer wipe(password)
		problems, err := v.Check(ctx, password)
		if err != nil {
			return err
		}
		if inv.json {
			if problems == nil {
				problems = []vault.Problem{}
			}
			if err := inv.writeJSON(problems); err != nil {
				return err
			}
		} else {
			for _, p := range problems {
				fmt.Fprintln(inv.env.Stdout, p)
			}
		}
		if len(problems) > 0 {
			return userErrorf("%d rows were changed outside Forgiva: restore a backup", len(problems))
		}
		if !inv.json {
			fmt.Fprintln(inv.env.Stdout, "Every row passes its integrity check.")
		}
		return nil
	})
}

// vaultPassword reads the current vault password: FORGIVA_VAULT_PASSWORD,
// else the first line of stdin when it is not a terminal, else a prompt.
func (inv *invocation) vaultPassword(ctx context.Context) ([]byte, error) {
	if password, ok := inv.envPassword(); ok {
		return password, nil
	}
	if !inv.env.StdinTerminal {
		line, err := inv.stdinLine()
		if err == nil && line == nil {
			err = userErrorf("no vault password: give it as the first line of standard input or in %s", passwordEnv)
		}
		return line, err
	}
	return inv.env.ReadSecret(ctx, "Vault password: ")
}
