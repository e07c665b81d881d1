// Empty: the target exists only for its header (SwiftPM needs a source file in a C target).
#include "CFuzzer.h"
