package forgiva

import "fmt"

// salt computes the spec's "encrypted inputs": the entry's metadata hashed
// and encrypted under keys drawn from each other and from the master hash.
// It is the salt of every PBKDF2 in the key chain.
func (s *session) salt(in *Input) ([]byte, error) {
	hm := hash2(in.MasterHash)
	host := hash2(in.Host)
	account := hash2(in.Account)
	renewal := hash2(in.Renewal)
	defer wipe(hm, host, account, renewal)

	e1, err := s.ienc(host, account)
	if err != nil {
		return nil, fmt.Errorf("encrypt host: %w", err)
	}
	defer func() { clear(e1) }()
	if e1, err = s.reencrypt(e1, hm); err != nil {
		return nil, fmt.Errorf("encrypt host under master hash: %w", err)
	}
	e2, err := s.ienc(renewal, hm)
	if err != nil {
		return nil, fmt.Errorf("encrypt renewal date: %w", err)
	}
	defer clear(e2)
	salt, err := s.ienc(e1, e2)
	if err != nil {
		return nil, fmt.Errorf("combine inputs: %w", err)
	}
	if len(in.Signature) > 0 {
		if salt, err = s.reencrypt(salt, in.Signature); err != nil {
			return nil, fmt.Errorf("apply signature: %w", err)
		}
	}
	return salt, nil
}

// reencrypt returns ienc(v, key) and wipes v.
func (s *session) reencrypt(v, key []byte) ([]byte, error) {
	defer clear(v)
	return s.ienc(v, key)
}

// wipe zeroes buffers that held secrets.
func wipe(bufs ...[]byte) {
	for _, b := range bufs {
		clear(b)
	}
}
