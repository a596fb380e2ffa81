// The reaction floor in C: what the Swift reaction-floor does (Sources/reaction-floor), with the libraries a C
// daemon would use (libdbus, SQLite, libcurl) on one thread, with no hand-offs: a player's PlaybackStatus
// change is read off the bus, a Position read follows, the thread sleeps out the settle window counted from the
// signal, commits the event to a SQLite outbox (WAL, not waiting for the disk), POSTs it on a kept-alive
// connection and deletes it. `punchplay-bench reaction --subject c-floor` measures it beside the agent and the
// Swift floor, in the same run: what this machine allows any program, whatever it is written in.
//
//   reaction-floor-c URL OUTBOX-PATH|- SETTLE-MS
#define _GNU_SOURCE
#include <curl/curl.h>
#include <dbus/dbus.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *player_path = "/org/mpris/MediaPlayer2";
static const char *player_interface = "org.mpris.MediaPlayer2.Player";
static const char *properties_interface = "org.freedesktop.DBus.Properties";

// Where events go: the outbox first (NULL: none), then the service at base + action.
struct delivery {
    const char *base;
    sqlite3 *outbox;
    sqlite3_stmt *insert;
    CURL *curl;
};

static void fail(const char *what, const char *why) {
    fprintf(stderr, "reaction-floor-c: %s: %s\n", what, why ? why : "unknown error");
    exit(1);
}

static size_t discard_answer(char *data, size_t size, size_t count, void *context) {
    (void)data;
    (void)context;
    return size * count;
}

// Commits the event, POSTs it, reads the answer, and deletes the event from the outbox.
static void send_event(struct delivery *delivery, const char *action, long long position_us, const char *player,
                       int count) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    char body[512];
    snprintf(body, sizeof body,
             "{\"eventID\":\"floor-%d\",\"action\":\"%s\",\"positionSeconds\":%.6f,\"occurredAt\":%lld.%03ld,"
             "\"player\":\"%s\"}",
             count, action, (double)position_us / 1e6, (long long)now.tv_sec, now.tv_nsec / 1000000, player);
    if (delivery->outbox) {
        sqlite3_bind_text(delivery->insert, 1, body, -1, SQLITE_STATIC);
        if (sqlite3_step(delivery->insert) != SQLITE_DONE) fail("commit", sqlite3_errmsg(delivery->outbox));
        sqlite3_reset(delivery->insert);
    }
    char url[2048];
    snprintf(url, sizeof url, "%s%s", delivery->base, action);
    curl_easy_setopt(delivery->curl, CURLOPT_URL, url);
    curl_easy_setopt(delivery->curl, CURLOPT_POSTFIELDS, body);
    curl_easy_perform(delivery->curl);
    if (delivery->outbox) sqlite3_exec(delivery->outbox, "DELETE FROM event", NULL, NULL, NULL);
}

// The PlaybackStatus a PropertiesChanged of the player's interface carries, copied into status; 0 if none.
static int playback_status(DBusMessage *message, char *status, size_t size) {
    DBusMessageIter arguments, changes, entry, value;
    const char *text;
    if (!dbus_message_iter_init(message, &arguments) || dbus_message_iter_get_arg_type(&arguments) != DBUS_TYPE_STRING)
        return 0;
    dbus_message_iter_get_basic(&arguments, &text);
    if (strcmp(text, player_interface) != 0 || !dbus_message_iter_next(&arguments) ||
        dbus_message_iter_get_arg_type(&arguments) != DBUS_TYPE_ARRAY)
        return 0;
    for (dbus_message_iter_recurse(&arguments, &changes);
         dbus_message_iter_get_arg_type(&changes) == DBUS_TYPE_DICT_ENTRY; dbus_message_iter_next(&changes)) {
        dbus_message_iter_recurse(&changes, &entry);
        dbus_message_iter_get_basic(&entry, &text);
        if (strcmp(text, "PlaybackStatus") != 0 || !dbus_message_iter_next(&entry)) continue;
        dbus_message_iter_recurse(&entry, &value);
        if (dbus_message_iter_get_arg_type(&value) != DBUS_TYPE_STRING) return 0;
        dbus_message_iter_get_basic(&value, &text);
        snprintf(status, size, "%s", text);
        return 1;
    }
    return 0;
}

// The player's Position in microseconds, read with a Properties.Get round trip; 0 if it does not answer.
static long long read_position(DBusConnection *bus, const char *player) {
    DBusMessage *call = dbus_message_new_method_call(player, player_path, properties_interface, "Get");
    const char *name = "Position";
    dbus_message_append_args(call, DBUS_TYPE_STRING, &player_interface, DBUS_TYPE_STRING, &name, DBUS_TYPE_INVALID);
    DBusError error;
    dbus_error_init(&error);
    DBusMessage *reply = dbus_connection_send_with_reply_and_block(bus, call, 1000, &error);
    dbus_message_unref(call);
    long long position = 0;
    if (reply) {
        DBusMessageIter arguments, value;
        if (dbus_message_iter_init(reply, &arguments) &&
            dbus_message_iter_get_arg_type(&arguments) == DBUS_TYPE_VARIANT) {
            dbus_message_iter_recurse(&arguments, &value);
            if (dbus_message_iter_get_arg_type(&value) == DBUS_TYPE_INT64) {
                dbus_int64_t microseconds;
                dbus_message_iter_get_basic(&value, &microseconds);
                position = microseconds;
            }
        }
        dbus_message_unref(reply);
    }
    dbus_error_free(&error);
    return position;
}

static sqlite3 *open_outbox(const char *path, sqlite3_stmt **insert) {
    sqlite3 *outbox;
    if (sqlite3_open(path, &outbox) != SQLITE_OK) fail(path, sqlite3_errmsg(outbox));
    char *message = NULL;
    if (sqlite3_exec(outbox,
                     "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                     "CREATE TABLE IF NOT EXISTS event (seq INTEGER PRIMARY KEY, body BLOB NOT NULL)",
                     NULL, NULL, &message) != SQLITE_OK)
        fail(path, message);
    if (sqlite3_prepare_v2(outbox, "INSERT INTO event (body) VALUES (?)", -1, insert, NULL) != SQLITE_OK)
        fail(path, sqlite3_errmsg(outbox));
    return outbox;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: reaction-floor-c URL OUTBOX-PATH|- SETTLE-MS\n");
        return 64;
    }
    long settle_ms = strtol(argv[3], NULL, 10);
    struct delivery delivery = {.base = argv[1]};
    if (strcmp(argv[2], "-") != 0) delivery.outbox = open_outbox(argv[2], &delivery.insert);

    curl_global_init(CURL_GLOBAL_DEFAULT);
    delivery.curl = curl_easy_init();
    if (!delivery.curl) fail("libcurl", "no handle");
    struct curl_slist *headers = curl_slist_append(NULL, "Content-Type: application/json");
    curl_easy_setopt(delivery.curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(delivery.curl, CURLOPT_WRITEFUNCTION, discard_answer);
    curl_easy_setopt(delivery.curl, CURLOPT_TIMEOUT, 10L);

    DBusError error;
    dbus_error_init(&error);
    DBusConnection *bus = dbus_bus_get(DBUS_BUS_SESSION, &error);
    if (!bus) fail("session bus", error.message);
    dbus_bus_add_match(bus,
                       "type='signal',interface='org.freedesktop.DBus.Properties',member='PropertiesChanged',"
                       "path='/org/mpris/MediaPlayer2',arg0='org.mpris.MediaPlayer2.Player'",
                       &error);
    if (dbus_error_is_set(&error)) fail("match rule", error.message);

    // A first request, as the agent's `start`, opens the connection the reactions then reuse.
    int count = 0;
    send_event(&delivery, "start", 0, "", count);
    while (dbus_connection_read_write(bus, -1)) {
        DBusMessage *message;
        while ((message = dbus_connection_pop_message(bus))) {
            struct timespec deadline;
            clock_gettime(CLOCK_MONOTONIC, &deadline);
            char status[64];
            if (dbus_message_is_signal(message, properties_interface, "PropertiesChanged") &&
                playback_status(message, status, sizeof status)) {
                const char *player = dbus_message_get_sender(message);
                long long position = read_position(bus, player);
                deadline.tv_nsec += settle_ms % 1000 * 1000000;
                deadline.tv_sec += settle_ms / 1000 + deadline.tv_nsec / 1000000000;
                deadline.tv_nsec %= 1000000000;
                while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL) == EINTR) {}
                count += 1;
                send_event(&delivery, strcmp(status, "Paused") == 0 ? "pause" : "resume", position, player, count);
            }
            dbus_message_unref(message);
        }
    }
    return 0;
}
