package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/forgiva/forgiva-desktop/backend/vault"
)

const trashSynopsis = "ls | restore REF | rm REF | empty"

// runTrash lists, restores or deletes for good what "rm" and "group rm"
// moved to the Trash. REF is what "trash ls" shows: g and a group's ID, e and
// an entry's ID.
func runTrash(ctx context.Context, inv *invocation, args []string) error {
	if len(args) == 0 {
		return usageErrorf("missing subcommand: ls, restore, rm or empty")
	}
	switch args[0] {
	case "ls":
		return runTrashList(ctx, inv, args[1:])
	case "restore":
		return runTrashRef(ctx, inv, args[1:], func(v *vault.Vault, ref string) (any, string, error) {
			item, err := v.RestoreFromTrash(ctx, ref)
			return item, "Restored " + describeTrashItem(item) + " to " + placeName(item.Place), err
		})
	case "rm":
		return runTrashRef(ctx, inv, args[1:], func(v *vault.Vault, ref string) (any, string, error) {
			counts, err := v.DeleteFromTrash(ctx, ref)
			return counts, deletedLine(counts), err
		})
	case "empty":
		fs := inv.flagSet()
		if _, err := inv.parse(fs, args[1:], 0, 0); err != nil {
			return err
		}
		return inv.withVault(ctx, func(v *vault.Vault) error {
			counts, err := v.EmptyTrash(ctx)
			if err != nil {
				return err
			}
			return inv.printResult(counts, deletedLine(counts))
		})
	case "-h", "-help", "--help":
		return &helpRequest{cmd: inv.cmd, flags: inv.flagSet()}
	}
	return usageErrorf("unknown subcommand %q: ls, restore, rm or empty", args[0])
}

func runTrashRef(ctx context.Context, inv *invocation, args []string,
	do func(v *vault.Vault, ref string) (result any, line string, err error)) error {
	fs := inv.flagSet()
	positional, err := inv.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return inv.withVault(ctx, func(v *vault.Vault) error {
		result, line, err := do(v, positional[0])
		if err != nil {
			return err
		}
		return inv.printResult(result, line)
	})
}

// printResult prints result as JSON with --json, else line.
func (inv *invocation) printResult(result any, line string) error {
	if inv.json {
		return inv.writeJSON(result)
	}
	_, err := fmt.Fprintln(inv.env.Stdout, line)
	return err
}

func runTrashList(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	if _, err := inv.parse(fs, args, 0, 0); err != nil {
		return err
	}
	return inv.withVault(ctx, func(v *vault.Vault) error {
		items, err := v.Trash(ctx)
		if err != nil {
			return err
		}
		if inv.json {
			return inv.writeJSON(items)
		}
		tw := tabwriter.NewWriter(inv.env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "REF\tKIND\tNAME\tPLACE\tREMOVED\tENTRIES")
		for _, it := range items {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\n", it.Ref, it.Kind, itemName(it), placeName(it.Place),
				it.TrashedAt.Local().Format("2006-01-02 15:04"), it.Entries)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		_, err = fmt.Fprintf(inv.env.Stdout, "%d in the Trash (deleted for good %d days after removal)\n",
			len(items), int(vault.TrashRetention.Hours()/24))
		return err
	})
}

// itemName is a group's name, an entry's host and account.
func itemName(it vault.TrashItem) string {
	if it.Kind == vault.TrashGroup {
		return cell(it.Name)
	}
	return cell(it.Host) + " " + cell(it.Account)
}

func placeName(place []string) string {
	if len(place) == 0 {
		return "the top level"
	}
	return strings.Join(place, " / ")
}

func describeTrashItem(it vault.TrashItem) string {
	if it.Kind == vault.TrashGroup {
		return fmt.Sprintf("group %s with %s and %s", cell(it.Name), plural(it.Groups-1, "subgroup"), plural(it.Entries, "entry"))
	}
	return fmt.Sprintf("entry %d (%s %s)", it.ID, cell(it.Host), cell(it.Account))
}

func deletedLine(c vault.RemovedCounts) string {
	return fmt.Sprintf("Deleted %s and %s for good", plural(c.Groups, "group"), plural(c.Entries, "entry"))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// movedLine tells what "rm" or "group rm" moved and how to undo it.
func movedLine(it vault.TrashItem) string {
	return fmt.Sprintf("Moved %s to the Trash (undo: forgiva trash restore %s)", describeTrashItem(it), it.Ref)
}
