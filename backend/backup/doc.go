// Package backup reads and writes Forgiva backup files (.fgdump).
//
// A backup is base64(gzip(JSON)): standard base64 with padding, on one line
// with no trailing newline, of a gzip stream of the JSON object that a
// Forgiva server writes with Jackson:
//
//	{"groups":[{"id":1,"userId":0,"groupName":"Accounts",
//	  "groupDescription":"Default Metadata Group","parentGroupId":0}],
//	 "metadatas":[{"id":5,"metadataGroupId":1,"userId":0,"passwordLength":16,
//	  "optUppercase":true,"optLowercase":true,"optNumbers":true,"optSymbols":true,
//	  "host":"example.com","account":"alice","lastRenewal":"2020/01/31",
//	  "complexity":1,"generatedBefore":true}]}
//
// Forgiva's reader rejects unknown fields, so Encode writes exactly these
// fields in this order. Decode is as strict as that reader and stricter: it
// also refuses missing fields, wrong types, broken group trees and values
// the vault would not store, so that an import can be checked completely
// before anything is written.
//
// The package is pure: it knows nothing of the vault or SQLite. Host,
// account and lastRenewal feed the generated password and are kept
// byte-exact; null and "" are different lastRenewal values.
package backup
