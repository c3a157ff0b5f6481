package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/forgiva/forgiva-desktop/backend/vault"
)

const groupSynopsis = "add NAME [--parent ID] [--description D] | ls | rm ID"

func runGroup(ctx context.Context, inv *invocation, args []string) error {
	if len(args) == 0 {
		return usageErrorf("missing subcommand: add, ls or rm")
	}
	switch args[0] {
	case "add":
		return runGroupAdd(ctx, inv, args[1:])
	case "ls":
		return runGroupList(ctx, inv, args[1:])
	case "rm":
		return runGroupRemove(ctx, inv, args[1:])
	case "-h", "-help", "--help":
		return &helpRequest{cmd: inv.cmd, flags: inv.flagSet()}
	}
	return usageErrorf("unknown subcommand %q: add, ls or rm", args[0])
}

func runGroupAdd(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	parent := fs.Int64("parent", 0, "`ID` of the parent group (default: top level)")
	description := fs.String("description", "", "what the group is for")
	positional, err := inv.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return inv.withVault(ctx, func(v *vault.Vault) error {
		group, err := v.AddGroup(ctx, *parent, positional[0], *description)
		if err != nil {
			return err
		}
		return inv.printID(group.ID)
	})
}

func runGroupList(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	if _, err := inv.parse(fs, args, 0, 0); err != nil {
		return err
	}
	return inv.withVault(ctx, func(v *vault.Vault) error {
		groups, err := v.Groups(ctx)
		if err != nil {
			return err
		}
		if inv.json {
			return inv.writeJSON(groups) // the vault's shape, as the app sends it
		}
		return inv.printGroups(groups)
	})
}

// printGroups prints the tree as a table, names indented by depth. The
// vault lists parents before their children.
func (inv *invocation) printGroups(groups []vault.Group) error {
	depth := map[int64]int{}
	tw := tabwriter.NewWriter(inv.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tENTRIES\tDESCRIPTION")
	for _, g := range groups {
		if g.ParentID != 0 {
			depth[g.ID] = depth[g.ParentID] + 1
		}
		fmt.Fprintf(tw, "%d\t%s%s\t%d\t%s\n", g.ID, strings.Repeat("  ", depth[g.ID]), g.Name, g.EntryCount, g.Description)
	}
	return tw.Flush()
}

func runGroupRemove(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	positional, err := inv.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	id, err := parseID("the group ID", positional[0])
	if err != nil {
		return err
	}
	return inv.withVault(ctx, func(v *vault.Vault) error {
		item, err := v.RemoveGroup(ctx, id)
		if err != nil {
			return err
		}
		return inv.printResult(item, movedLine(item))
	})
}
