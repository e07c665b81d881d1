#include "CKilnVersion.h"

// `make` writes version.h beside this file (git-ignored) before it builds, and touches this file
// when the version changes, so only this file is recompiled. A plain `swift build` has no
// version.h and prints the fallback.
#if __has_include("version.h")
#include "version.h"
#endif

#ifndef KILN_VERSION
#define KILN_VERSION "0.1.0-dev"
#endif

const char *kiln_version(void) { return KILN_VERSION; }
