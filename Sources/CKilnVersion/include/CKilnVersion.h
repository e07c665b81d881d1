#ifndef CKILNVERSION_H
#define CKILNVERSION_H

/// kiln's version: what `git describe --tags --always --dirty` said when `make build` ran.
const char *kiln_version(void);

#endif
