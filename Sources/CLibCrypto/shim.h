// SHA-256 through OpenSSL's direct functions. They are deprecated in OpenSSL 3 in favour of
// EVP, but EVP's first call loads the configuration and providers, about 1.5 ms: more than
// hashing every generated object of a large build.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
