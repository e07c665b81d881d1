#ifndef KILN_CFUZZER_H
#define KILN_CFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, for programs that have their own main (Swift executables do):
/// parses libFuzzer's flags from argc/argv and calls `callback` once per input.
/// Returns when the run ends without a finding; on a crash, leak or timeout it exits itself.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
