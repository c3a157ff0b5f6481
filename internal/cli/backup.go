package cli

import (
	"context"
	"fmt"

	"github.com/forgiva/forgiva-desktop/backend/backup"
	"github.com/forgiva/forgiva-desktop/backend/vault"
	"github.com/forgiva/forgiva-desktop/internal/privfile"
)

func runExport(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	group := fs.Int64("group", 0, "export only the group with this `ID` and its subgroups (default: the whole vault)")
	out := fs.String("o", "", "write to `FILE` (default: Forgiva's name for it, in the current directory)")
	if _, err := inv.parse(fs, args, 0, 0); err != nil {
		return err
	}
	return inv.withVault(ctx, func(v *vault.Vault) error {
		name, data, err := v.ExportBackup(ctx, *group)
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
		report, err := v.ImportBackup(ctx, data)
		if err != nil {
			return err
		}
		return inv.printImportReport(report)
	})
}

func (inv *invocation) printImportReport(r vault.ImportReport) error {
	if inv.json {
		return inv.writeJSON(r) // the vault's shape, as the app sends it
	}
	w := inv.env.Stdout
	fmt.Fprintf(w, "groups created: %d\nentries added: %d\nduplicates skipped: %d\nconflicts: %d\n",
		r.GroupsCreated, r.EntriesAdded, r.DuplicatesSkipped, len(r.Conflicts))
	for _, c := range r.Conflicts {
		_, err := fmt.Fprintf(w, "  kept %s / %s / %s: last renewal here %s, in the file %s\n",
			c.GroupPath, c.Host, c.Account, renewalText(c.ExistingRenewal), renewalText(c.ImportedRenewal))
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
