package helper

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"
)

// Client rates passwords in a helper process, started on the first request
// and ended after it has been idle for a while, so that the helper's memory
// is in use only while passwords are being chosen. It is safe for
// concurrent use; requests are answered one at a time.
type Client struct {
	path    string
	args    []string
	idle    time.Duration
	timeout time.Duration

	mu    sync.Mutex
	proc  *process // nil when no helper runs
	timer *time.Timer
}

// Defaults of NewClient: a meter asks again at each keystroke, so the helper
// outlives a pause in typing; an answer takes milliseconds, so one that
// takes Timeout is a helper that hangs.
const (
	DefaultIdle    = time.Minute
	DefaultTimeout = 30 * time.Second
)

// NewClient rates passwords by running the program at path with args.
func NewClient(path string, args ...string) *Client {
	return &Client{path: path, args: args, idle: DefaultIdle, timeout: DefaultTimeout}
}

type process struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
	done chan struct{} // closed when the process has exited
}

// Estimate rates password with words as a dictionary. A helper that has
// ended since the last request is started again. The error says what went
// wrong with the helper, never what the password is.
func (c *Client) Estimate(password []byte, words []string) (bits float64, weakest string, err error) {
	req, err := appendRequest(nil, password, words)
	defer clear(req)
	if err != nil {
		return 0, "", err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.timer != nil {
		c.timer.Stop()
	}
	fresh := c.proc == nil
	bits, weakest, err = c.ask(req)
	if err != nil && !fresh {
		// The helper may have ended between two requests: one new try.
		bits, weakest, err = c.ask(req)
	}
	if c.proc != nil {
		c.timer = time.AfterFunc(c.idle, c.Close)
	}
	return bits, weakest, err
}

// ask sends req to the helper, starting it if none runs, and reads the
// answer. On any failure the helper is stopped.
func (c *Client) ask(req []byte) (float64, string, error) {
	if c.proc == nil {
		p, err := c.start()
		if err != nil {
			return 0, "", err
		}
		c.proc = p
	}
	p := c.proc
	// A helper that does not answer in time is killed, which ends the read.
	late := time.AfterFunc(c.timeout, func() { _ = p.cmd.Process.Kill() })
	line, err := func() (string, error) {
		if _, err := p.in.Write(req); err != nil {
			return "", err
		}
		return p.out.ReadString('\n')
	}()
	// Stopped before stopLocked, which may wait for the helper: a kill
	// there is not a late answer.
	timedOut := !late.Stop()
	if err == nil {
		var bits float64
		var weakest string
		if bits, weakest, err = parseAnswer(line); err == nil {
			return bits, weakest, nil
		}
	}
	c.stopLocked()
	if timedOut {
		return 0, "", fmt.Errorf("the password strength helper %s gave no answer in %v", c.path, c.timeout)
	}
	return 0, "", fmt.Errorf("the password strength helper %s failed: %w", c.path, err)
}

func (c *Client) start() (*process, error) {
	if c.path == "" {
		return nil, errors.New("the password strength helper is not installed beside this program")
	}
	cmd := exec.Command(c.path, c.args...)
	cmd.Stderr = os.Stderr // the helper says what went wrong; it never prints a password
	hideWindow(cmd)
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("start the password strength helper: %w", err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("start the password strength helper: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start the password strength helper (is the command-line twin installed beside this program?): %w", err)
	}
	p := &process{cmd: cmd, in: in, out: bufio.NewReader(out), done: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

// Close ends the helper, if one runs; the next Estimate starts another.
func (c *Client) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stopLocked()
}

// stopLocked ends the helper: its input is closed, which ends it, and it is
// killed if it does not exit at once.
func (c *Client) stopLocked() {
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
	p := c.proc
	if p == nil {
		return
	}
	c.proc = nil
	_ = p.in.Close()
	select {
	case <-p.done:
	case <-time.After(2 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}
