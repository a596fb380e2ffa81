#ifndef PUNCHPLAY_CUSERFAULT_SHIM_H
#define PUNCHPLAY_CUSERFAULT_SHIM_H
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

// Linux 5.11 and 6.7; older kernel headers lack the names, and an older kernel refuses the request.
#ifndef UFFD_USER_MODE_ONLY
#define UFFD_USER_MODE_ONLY 1
#endif
#ifndef UFFD_FEATURE_WP_ASYNC
#define UFFD_FEATURE_WP_ASYNC (1 << 15)
#endif

/// A userfaultfd descriptor that resolves its write-protect faults in the kernel (`UFFD_FEATURE_WP_ASYNC`), so
/// that no fault is ever delivered to it; -1 with `errno` set when the kernel has no userfaultfd, refuses it to
/// this process, or predates asynchronous write protection.
static inline int punchplay_userfault_open_async(void) {
    int descriptor = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK | UFFD_USER_MODE_ONLY);
    if (descriptor < 0) return -1;
    struct uffdio_api api = {.api = UFFD_API, .features = UFFD_FEATURE_WP_ASYNC};
    if (ioctl(descriptor, UFFDIO_API, &api) != 0 || (api.features & UFFD_FEATURE_WP_ASYNC) == 0) {
        close(descriptor);
        return -1;
    }
    return descriptor;
}

/// Registers `length` bytes from `start` for write protection with `descriptor`: 0, or -1 with `errno` set.
static inline int punchplay_userfault_register_write_protect(int descriptor, unsigned long start,
                                                             unsigned long length) {
    struct uffdio_register registration = {
        .range = {.start = start, .len = length},
        .mode = UFFDIO_REGISTER_MODE_WP,
    };
    return ioctl(descriptor, UFFDIO_REGISTER, &registration);
}
#endif
