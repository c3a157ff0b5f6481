// Package forgiva is the Forgiva password algorithm: it regenerates a
// password from an entry's metadata, the user's master key and the animal
// the user picks, byte for byte as the reference implementation does
// (docs/algorithm.md describes every step; the reference's vectors are in
// testdata/).
//
// The package is pure: no I/O, no globals, no clock in its results. The
// files follow the spec: blockhash.go (fhash), iterative.go (ihash, hash2,
// enc, ienc), pbkdf.go (kdf), salt.go, chain.go (key chain, Generate),
// topass.go (policy and legacy passwords), compat.go (how the forgiva,
// enterprise and server-JSON modes turn inputs into bytes).
//
// Generation is cancellable through its context and reports progress;
// every buffer the engine owns is zeroed when it is done with it.
package forgiva
