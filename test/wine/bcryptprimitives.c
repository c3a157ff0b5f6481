/* Wine 8 (Debian 12) has no bcryptprimitives.dll, whose ProcessPrng every
 * Go program since Go 1.24 needs at start. This stand-in, used only to run
 * the Windows test binaries under Wine, answers it with RtlGenRandom. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
	while (length > 0) {
		ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
		if (!SystemFunction036(data, n)) return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
