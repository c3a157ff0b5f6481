package main

import (
	"github.com/forgiva/forgiva-desktop/backend/vault"
)

// The types the frontend sees (JSON, camelCase), and their translation
// from and to the vault's.

// SettingsForm is what the Settings dialog is drawn from: every setting's
// definition (the vault's schema) and its current value, by key.
type SettingsForm struct {
	Schema []vault.SettingSchema `json:"schema"`
	Values map[string]string     `json:"values"`
	// Notices are what this desktop says of a setting, by key: the global
	// shortcut it refused, or that it offers none.
	Notices map[string]string `json:"notices"`
}

// State is what the start screen needs.
type State struct {
	Exists        bool   `json:"exists"` // the vault file exists
	Unlocked      bool   `json:"unlocked"`
	KeyringNotice string `json:"keyringNotice"`
	Version       string `json:"version"`
}

// Animal is one of the 20 pictures to pick from.
type Animal struct {
	Index int    `json:"index"`
	Name  string `json:"name"`
}

// PickResult is the outcome of picking an animal: the password shown, or
// copied to the clipboard.
type PickResult struct {
	Password          string `json:"password,omitempty"`
	Copied            bool   `json:"copied"`
	ClearAfterSeconds int    `json:"clearAfterSeconds"`
}

// CopyResult says when the clipboard will be cleared (0 = never).
type CopyResult struct {
	ClearAfterSeconds int `json:"clearAfterSeconds"`
}

// CallError is how a failed call reaches the frontend: the vault's code
// ("invalid", "wrong_password", …), its message, and the input field it is
// about ("" = the form as a whole).
type CallError struct {
	Code    vault.Code `json:"code"`
	Message string     `json:"message"`
	Field   string     `json:"field,omitempty"`
}

func (e *CallError) Error() string { return e.Message }
