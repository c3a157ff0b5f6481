package backup

import "testing"

func BenchmarkEncode10k(b *testing.B) {
	backup := sample(10_000)
	var size int
	for b.Loop() {
		out, err := Encode(backup)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "file-bytes")
}

func BenchmarkDecode10k(b *testing.B) {
	encoded, err := Encode(sample(10_000))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Decode(encoded); err != nil {
			b.Fatal(err)
		}
	}
}
