package cli

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/limits"
	"github.com/forgiva/forgiva-desktop/backend/vault"
)

const (
	addSynopsis  = "--group ID --host H --account A [--complexity C] [--length N] [--classes luns] [--type-sequence S] [--confirm-target]"
	editSynopsis = "ID [--group ID] [--host H] [--account A] [--complexity C] [--length N] [--classes luns] [--type-sequence S] [--confirm-target=false]"
)

// entryFlags are the metadata options of "add" and "edit".
type entryFlags struct {
	fs                 *flag.FlagSet
	group              *int64
	host, account      *string
	complexity, length *int
	classes            *string
	typeSequence       *string
	confirmTarget      *bool
}

func declareEntryFlags(fs *flag.FlagSet) entryFlags {
	return entryFlags{
		fs:         fs,
		group:      fs.Int64("group", 0, "`ID` of the entry's group"),
		host:       fs.String("host", "", "host `name`, as typed"),
		account:    fs.String("account", "", "account `name`, as typed"),
		complexity: fs.Int("complexity", 0, "1 normal, 2 intermediate, 3 advanced (default: the password_default_complexity setting)"),
		length: fs.Int("length", 0, fmt.Sprintf("password length %d..%d (default: the password_default_length setting)",
			limits.MinLength, limits.MaxLength)),
		classes: fs.String("classes", "luns", "character classes: l lowercase, u uppercase, n numbers, s symbols"),
		typeSequence: fs.String("type-sequence", "", "what Quick generate types, e.g. `{USERNAME}{TAB}{PASSWORD}{ENTER}` "+
			"(default: the password alone)"),
		confirmTarget: fs.Bool("confirm-target", false, "Quick generate asks before typing into the window"),
	}
}

// apply overwrites in with the options given on the command line.
func (f entryFlags) apply(in *vault.EntryInput) error {
	given := flagsGiven(f.fs)
	if given["group"] {
		in.GroupID = *f.group
	}
	if given["host"] {
		in.Host = *f.host
	}
	if given["account"] {
		in.Account = *f.account
	}
	if given["complexity"] {
		in.Complexity = *f.complexity
	}
	if given["length"] {
		in.Length = *f.length
	}
	if given["classes"] {
		classes, err := forgiva.ParseClasses(*f.classes)
		if err != nil {
			return err
		}
		in.Classes = classes
	}
	if given["type-sequence"] {
		in.TypeSequence = *f.typeSequence
	}
	if given["confirm-target"] {
		in.TypeConfirm = *f.confirmTarget
	}
	return nil
}

func runAdd(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	opts := declareEntryFlags(fs)
	if _, err := inv.parse(fs, args, 0, 0); err != nil {
		return err
	}
	given := flagsGiven(fs)
	if !given["group"] || !given["host"] || !given["account"] {
		return usageErrorf("--group, --host and --account are required")
	}
	return inv.withVault(ctx, func(v *vault.Vault) error {
		settings, err := v.Settings(ctx)
		if err != nil {
			return err
		}
		classes, err := forgiva.ParseClasses(*opts.classes)
		if err != nil {
			return err
		}
		in := vault.EntryInput{
			Complexity: settings.PasswordDefaultComplexity,
			Length:     settings.PasswordDefaultLength,
			Classes:    classes,
		}
		if err := opts.apply(&in); err != nil {
			return err
		}
		entry, err := v.AddEntry(ctx, in)
		if err != nil {
			return err
		}
		return inv.printID(entry.ID)
	})
}

func runEdit(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	opts := declareEntryFlags(fs)
	positional, err := inv.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	id, err := parseID("the entry ID", positional[0])
	if err != nil {
		return err
	}
	if len(flagsGiven(fs)) == 0 {
		return usageErrorf("nothing to change: give at least one of --group, --host, --account, --complexity, --length, --classes, --type-sequence, --confirm-target")
	}
	return inv.withVault(ctx, func(v *vault.Vault) error {
		entry, err := v.Entry(ctx, id)
		if err != nil {
			return err
		}
		in := vault.EntryInput{
			GroupID: entry.GroupID, Host: entry.Host, Account: entry.Account,
			Complexity: entry.Complexity, Length: entry.Length,
			Classes: entry.Classes, Typing: entry.Typing,
		}
		if err := opts.apply(&in); err != nil {
			return err
		}
		_, err = v.UpdateEntry(ctx, id, in)
		return err
	})
}

func runList(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	group := fs.Int64("group", 0, "list this group's entries (`ID`; default: all groups)")
	start := fs.Int("start", 0, "skip the first `N` entries")
	count := fs.Int("count", 100, "show at most `N` entries")
	if _, err := inv.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if *start < 0 || *count < 1 {
		return usageErrorf("--start must be 0 or more and --count 1 or more")
	}
	return inv.withVault(ctx, func(v *vault.Vault) error {
		entries, total, err := listEntries(ctx, v, *group, *start, *count)
		if err != nil {
			return err
		}
		if inv.json {
			page, err := v.PageOf(ctx, entries, total)
			if err != nil {
				return err
			}
			return inv.writeJSON(page)
		}
		if err := inv.printEntries(entries); err != nil {
			return err
		}
		_, err = fmt.Fprintf(inv.env.Stdout, "%s of %d\n", shownRange(*start, len(entries)), total)
		return err
	})
}

// listEntries returns one page of a group's entries, or with groupID 0 of
// all entries, group after group in tree order, and the total.
func listEntries(ctx context.Context, v *vault.Vault, groupID int64, start, count int) ([]vault.Entry, int, error) {
	if groupID != 0 {
		return v.EntriesByGroup(ctx, groupID, start, count)
	}
	groups, err := v.Groups(ctx)
	if err != nil {
		return nil, 0, err
	}
	var all []vault.Entry
	for _, g := range groups {
		for page := 0; ; page += listPage {
			entries, total, err := v.EntriesByGroup(ctx, g.ID, page, listPage)
			if err != nil {
				return nil, 0, err
			}
			all = append(all, entries...)
			if page+listPage >= total || len(entries) == 0 {
				break
			}
		}
	}
	if start >= len(all) {
		return []vault.Entry{}, len(all), nil
	}
	return all[start:min(start+count, len(all))], len(all), nil
}

// listPage is how many entries listEntries asks the vault for at a time.
const listPage = 100

// shownRange says which entries of the total a page shows: "1-20", "none".
func shownRange(start, shown int) string {
	if shown == 0 {
		return "none"
	}
	return fmt.Sprintf("%d-%d", start+1, start+shown)
}

func runSearch(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	positional, err := inv.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return inv.withVault(ctx, func(v *vault.Vault) error {
		entries, err := v.Search(ctx, positional[0])
		if err != nil {
			return err
		}
		if inv.json {
			page, err := v.PageOf(ctx, entries, len(entries))
			if err != nil {
				return err
			}
			return inv.writeJSON(page)
		}
		if err := inv.printEntries(entries); err != nil {
			return err
		}
		_, err = fmt.Fprintf(inv.env.Stdout, "%d found\n", len(entries))
		return err
	})
}

func runHosts(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	positional, err := inv.parse(fs, args, 0, 1)
	if err != nil {
		return err
	}
	filter := ""
	if len(positional) == 1 {
		filter = positional[0]
	}
	return inv.withVault(ctx, func(v *vault.Vault) error {
		hosts, err := v.Hosts(ctx, filter)
		if err != nil {
			return err
		}
		if inv.json {
			if hosts == nil {
				hosts = []string{}
			}
			return inv.writeJSON(hosts)
		}
		for _, h := range hosts {
			if _, err := fmt.Fprintln(inv.env.Stdout, h); err != nil {
				return err
			}
		}
		return nil
	})
}

func runRemove(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	positional, err := inv.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	id, err := parseID("the entry ID", positional[0])
	if err != nil {
		return err
	}
	return inv.withVault(ctx, func(v *vault.Vault) error {
		item, err := v.RemoveEntry(ctx, id)
		if err != nil {
			return err
		}
		return inv.printResult(item, movedLine(item))
	})
}

// printEntries prints entries as a table.
func (inv *invocation) printEntries(entries []vault.Entry) error {
	tw := tabwriter.NewWriter(inv.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tHOST\tACCOUNT\tCOMPLEXITY\tLENGTH\tCLASSES\tLAST RENEWAL")
	for _, e := range entries {
		renewal := "-"
		if e.LastRenewal != nil {
			renewal = cell(*e.LastRenewal)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%s\t%s\n",
			e.ID, cell(e.Host), cell(e.Account), e.Complexity, e.Length, e.Classes.Letters(), renewal)
	}
	return tw.Flush()
}

// cell shows a metadata field in a table: quoted when empty or when it holds
// characters that would break the table's lines and columns.
func cell(s string) string {
	if s == "" || strings.ContainsFunc(s, unicode.IsControl) {
		return strconv.Quote(s)
	}
	return s
}
