package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/forgiva/forgiva-desktop/backend/backup"
	"github.com/forgiva/forgiva-desktop/backend/vault"
	"github.com/forgiva/forgiva-desktop/internal/privfile"
)

func runExport(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	group := fs.Int64("group", 0, "export only the group with this `ID` and its subgroups (default: the whole vault)")
	out := fs.String("o", "", "write to `FILE` (default: Forgiva's name for it, in the current directory)")
	encrypt := fs.Bool("encrypt", false, "encrypt the file to a passphrase (an age file; passphrase: first line of stdin, or typed twice)")
	if _, err := inv.parse(fs, args, 0, 0); err != nil {
		return err
	}
	return inv.withVault(ctx, func(v *vault.Vault) error {
		name, data, err := inv.export(ctx, v, *group, *encrypt)
		if err != nil {
			return err
		}
		path := *out
		if path == "" {
			path = name
		}
		if err := privfile.WriteFile(path, data); err != nil {
			return userErrorf("cannot write the backup: %v", err)
		}
		if inv.json {
			return inv.writeJSON(map[string]string{"path": path})
		}
		_, err = fmt.Fprintln(inv.env.Stdout, path)
		return err
	})
}

func runImport(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	positional, err := inv.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	data, err := privfile.ReadFile(positional[0], backup.MaxInputSize)
	if err != nil {
		return userErrorf("cannot read the backup: %v", err)
	}
	return inv.withVault(ctx, func(v *vault.Vault) error {
		report, err := inv.importData(ctx, v, data)
		if err != nil {
			return err
		}
		return inv.printImportReport(report)
	})
}

func (inv *invocation) importData(ctx context.Context, v *vault.Vault, data []byte) (vault.ImportReport, error) {
	if !backup.IsSealed(data) {
		return v.ImportBackup(ctx, data)
	}
	passphrase, err := inv.passphrase(ctx, false)
	if err != nil {
		return vault.ImportReport{}, err
	}
	defer wipe(passphrase)
	return v.ImportEncrypted(ctx, data, passphrase)
}

func (inv *invocation) export(ctx context.Context, v *vault.Vault, group int64, encrypt bool) (string, []byte, error) {
	if !encrypt {
		return v.ExportBackup(ctx, group)
	}
	passphrase, err := inv.passphrase(ctx, true)
	if err != nil {
		return "", nil, err
	}
	defer wipe(passphrase)
	return v.ExportEncrypted(ctx, group, passphrase)
}

// passphrase reads an encrypted backup's passphrase: the first line of stdin
// when it is not a terminal, else a prompt (typed twice for a new file).
func (inv *invocation) passphrase(ctx context.Context, isNew bool) ([]byte, error) {
	if !inv.env.StdinTerminal {
		line, err := inv.stdinLine()
		if err == nil && line == nil {
			err = userErrorf("no passphrase: give it as the first line of standard input")
		}
		return line, err
	}
	if isNew {
		return inv.typedTwice(ctx, "Passphrase for the backup: ")
	}
	return inv.env.ReadSecret(ctx, "Passphrase of the backup: ")
}

func (inv *invocation) printImportReport(r vault.ImportReport) error {
	if inv.json {
		return inv.writeJSON(r) // the vault's shape, as the app sends it
	}
	w := inv.env.Stdout
	fmt.Fprintf(w, "groups created: %d\nentries added: %d\nduplicates skipped: %d\nconflicts: %d\n",
		r.GroupsCreated, r.EntriesAdded, r.DuplicatesSkipped, len(r.Conflicts))
	for _, c := range r.Conflicts {
		_, err := fmt.Fprintf(w, "  kept %s / %s / %s: differs in %s; last renewal here %s, in the file %s\n",
			c.GroupPath, c.Host, c.Account, strings.Join(c.Differs, ", "), renewalText(c.ExistingRenewal), renewalText(c.ImportedRenewal))
		if err != nil {
			return err
		}
	}
	return nil
}

func renewalText(r *string) string {
	if r == nil {
		return "(none)"
	}
	return fmt.Sprintf("%q", *r)
}
