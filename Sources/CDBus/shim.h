#ifndef PUNCHPLAY_CDBUS_SHIM_H
#define PUNCHPLAY_CDBUS_SHIM_H
#include <dbus/dbus.h>
#endif
