#ifndef C_BUILT_IN_CLIENT_ID_H
#define C_BUILT_IN_CLIENT_ID_H

/// The client_id a distributor wrote into this binary after the build (packaging/stage.sh --client-id), as a
/// NUL-terminated string; empty when the binary carries none. Never NULL.
const char *punchplay_built_in_client_id(void);

#endif
