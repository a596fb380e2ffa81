// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "punchplay-mpris",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "punchplay-mpris", targets: ["punchplay-mpris"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // MARK: D-Bus
        .systemLibrary(
            name: "CDBus",
            pkgConfig: "dbus-1",
            providers: [.apt(["libdbus-1-dev"])]
        ),
        .target(
            name: "DBus",
            dependencies: [
                "CDBus"
            ]
        ),
        .target(
            name: "BusTestSupport",
            dependencies: [
                "DBus"
            ]
        ),
        .testTarget(
            name: "DBusTests",
            dependencies: [
                "DBus",
                "BusTestSupport",
            ],
            exclude: [
                "lsan-suppressions.txt"
            ]
        ),

        // MARK: MPRIS
        .target(
            name: "MPRIS",
            dependencies: [
                "DBus"
            ]
        ),

        .target(
            name: "MPRISTestSupport",
            dependencies: [
                "BusTestSupport",
                "DBus",
                "MPRIS",
            ]
        ),
        .executableTarget(
            name: "fake-mpris-player",
            dependencies: [
                "MPRIS",
                "MPRISTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MPRISTests",
            dependencies: [
                "BusTestSupport",
                "DBus",
                "MPRIS",
                "MPRISTestSupport",
            ]
        ),

        // MARK: MediaIdentity
        .target(name: "MediaIdentity"),

        // MARK: PunchPlay
        .target(
            name: "PunchPlay",
            dependencies: [
                .product(name: "Logging", package: "swift-log")
            ]
        ),

        // MARK: Scrobbling
        .target(
            name: "Scrobbling",
            dependencies: [
                "MPRIS",
                "MediaIdentity",
                "PunchPlay",
            ]
        ),

        // MARK: Agent
        .target(
            name: "Agent",
            dependencies: [
                "DBus",
                "MPRIS",
                "MediaIdentity",
                "PunchPlay",
                "Scrobbling",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: Command line
        .executableTarget(
            name: "punchplay-mpris",
            dependencies: [
                "Agent",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
