package backup

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
)

// The wire form: Forgiva's Java classes as Jackson writes them. Field order
// is declaration order, and there must be no other field, because Forgiva's
// reader fails on unknown properties.
type wireBackup struct {
	Groups    []wireGroup    `json:"groups"`
	Metadatas []wireMetadata `json:"metadatas"`
}

type wireGroup struct {
	ID               int64  `json:"id"`
	UserID           int64  `json:"userId"`
	GroupName        string `json:"groupName"`
	GroupDescription string `json:"groupDescription"`
	ParentGroupID    int64  `json:"parentGroupId"`
}

type wireMetadata struct {
	ID              int64   `json:"id"`
	MetadataGroupID int64   `json:"metadataGroupId"`
	UserID          int64   `json:"userId"`
	PasswordLength  int     `json:"passwordLength"`
	OptUppercase    bool    `json:"optUppercase"`
	OptLowercase    bool    `json:"optLowercase"`
	OptNumbers      bool    `json:"optNumbers"`
	OptSymbols      bool    `json:"optSymbols"`
	Host            string  `json:"host"`
	Account         string  `json:"account"`
	LastRenewal     *string `json:"lastRenewal"`
	Complexity      int     `json:"complexity"`
	GeneratedBefore bool    `json:"generatedBefore"`
}

// Encode returns the .fgdump bytes of b: one line of base64, no newline.
// It checks b with the rules of Decode first, so Encode never writes a file
// that Decode (or Forgiva) would refuse; the error is a *FormatError. Groups
// are written parents first and group names trimmed, as Decode returns
// them. userId is always 0: it names a user of a Forgiva server, which a
// desktop vault does not have. An export of one group must give that group
// ParentID 0, since its parent is not in the file.
func Encode(b Backup) ([]byte, error) {
	doc, err := encodeJSON(b)
	if err != nil {
		return nil, err
	}
	var compressed bytes.Buffer
	zw := gzip.NewWriter(&compressed)
	if _, err := zw.Write(doc); err != nil {
		return nil, fmt.Errorf("compress backup: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress backup: %w", err)
	}
	out := make([]byte, base64.StdEncoding.EncodedLen(compressed.Len()))
	base64.StdEncoding.Encode(out, compressed.Bytes())
	return out, nil
}

// encodeJSON returns the backup's JSON document, the content of the gzip
// stream.
func encodeJSON(b Backup) ([]byte, error) {
	if err := checkContent(b); err != nil {
		return nil, &FormatError{Message: "Cannot export: " + err.Error()}
	}
	groups, err := parentsFirst(b.Groups)
	if err != nil {
		return nil, &FormatError{Message: "Cannot export: " + err.Error()}
	}
	doc := wireBackup{Groups: make([]wireGroup, len(groups)), Metadatas: make([]wireMetadata, len(b.Entries))}
	for i, g := range groups {
		doc.Groups[i] = wireGroup{ID: g.ID, GroupName: strings.TrimSpace(g.Name),
			GroupDescription: g.Description, ParentGroupID: g.ParentID}
	}
	for i, e := range b.Entries {
		doc.Metadatas[i] = wireMetadata{ID: e.ID, MetadataGroupID: e.GroupID, PasswordLength: e.Length,
			OptUppercase: e.Classes.Uppercase, OptLowercase: e.Classes.Lowercase,
			OptNumbers: e.Classes.Numbers, OptSymbols: e.Classes.Symbols,
			Host: e.Host, Account: e.Account, LastRenewal: e.LastRenewal, Complexity: e.Complexity,
			GeneratedBefore: e.GeneratedBefore}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Jackson writes <, > and & as they are; so do we.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("encode backup JSON: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
