#include "CBuiltInClientID.h"

/// The slot packaging/stage.sh fills with `objcopy --update-section .punchplay_client_id=FILE`: the client_id,
/// then NUL bytes up to the section's size (stage.sh reads the size from the binary, so it is only written here).
/// Empty in every build, so a build never depends on a client_id and one build serves every package.
///
/// volatile: the compiler must read the bytes at run time rather than fold the empty string it sees here.
/// used: the linker keeps the section even though only this file refers to it.
/// An explicit section keeps it PROGBITS (bytes in the file that objcopy can replace), unlike .bss.
__attribute__((used, section(".punchplay_client_id"))) static const volatile char client_id_slot[256] = "";

const char *punchplay_built_in_client_id(void) {
    // stage.sh keeps the last byte NUL; a slot without one was not written by it and counts as empty.
    if (client_id_slot[sizeof client_id_slot - 1] != '\0') {
        return "";
    }
    return (const char *)client_id_slot;
}
