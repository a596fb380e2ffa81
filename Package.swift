// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "punchplay-mpris",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "punchplay-mpris", targets: ["punchplay-mpris"]),
        .executable(name: "punchplay-sandbox", targets: ["punchplay-sandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/pointfreeco/swift-clocks", from: "1.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // MARK: The values the stages hand each other
        .target(name: "PlaybackModel", exclude: ["README.md"]),
        .testTarget(
            name: "PlaybackModelTests",
            dependencies: [
                "PlaybackModel"
            ]
        ),

        // MARK: Test support
        .target(name: "TestSupport", exclude: ["README.md"]),
        .testTarget(
            name: "TestSupportTests",
            dependencies: [
                "TestSupport"
            ]
        ),

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
            ],
            exclude: ["README.md"]
        ),
        .target(
            name: "BusTestSupport",
            dependencies: [
                "DBus",
                "TestSupport",
            ],
            exclude: ["README.md"]
        ),
        .testTarget(
            name: "DBusTests",
            dependencies: [
                "DBus",
                "BusTestSupport",
                "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: [
                "lsan-suppressions.txt"
            ]
        ),

        // MARK: MPRIS
        .target(
            name: "MPRIS",
            dependencies: [
                "DBus",
                "PlaybackModel",
            ],
            exclude: ["README.md"]
        ),

        .target(
            name: "MPRISTestSupport",
            dependencies: [
                "BusTestSupport",
                "DBus",
                "MPRIS",
                "PlaybackModel",
                "TestSupport",
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "fake-mpris-player",
            dependencies: [
                "MPRIS",
                "MPRISTestSupport",
                "PlaybackModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]
        ),
        .testTarget(
            name: "MPRISTests",
            dependencies: [
                "PlaybackModel",
                "BusTestSupport",
                "DBus",
                "MPRIS",
                "MPRISTestSupport",
                "TestSupport",
            ]
        ),

        // MARK: MediaIdentity
        .target(name: "MediaIdentity", exclude: ["README.md"]),
        .testTarget(
            name: "MediaIdentityTests",
            dependencies: [
                "MediaIdentity",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),

        // MARK: PunchPlay
        .target(
            name: "PunchPlay",
            dependencies: [
                "PlaybackModel",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            exclude: ["README.md"]
        ),
        .target(
            name: "PunchPlayTestSupport",
            dependencies: [
                "PlaybackModel",
                "PunchPlay",
                "PunchPlaySandbox",
                "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            exclude: ["README.md"]
        ),
        .testTarget(
            name: "PunchPlayTests",
            dependencies: [
                "PlaybackModel",
                "PunchPlay",
                "PunchPlaySandbox",
                "PunchPlayTestSupport",
                .product(name: "InMemoryLogging", package: "swift-log"),
            ]
        ),
        // MARK: Credentials
        .target(
            name: "Credentials",
            dependencies: [
                "DBus",
                "PlaybackModel",
                "PunchPlay",
            ],
            exclude: ["README.md"]
        ),
        .testTarget(
            name: "CredentialStoreTests",
            dependencies: [
                "Credentials",
                "Agent",
                "BusTestSupport",
                "DBus",
                "PlaybackModel",
                "PunchPlay",
                "PunchPlaySandbox",
                "PunchPlayTestSupport",
                "TestSupport",
            ]
        ),
        .testTarget(
            name: "PunchPlayCommandTests",
            dependencies: [
                "punchplay-mpris",
                "Credentials",
                "PunchPlay",
                "PunchPlaySandbox",
                "TestSupport",
            ]
        ),

        // MARK: Scrobbling
        .target(
            name: "Scrobbling",
            dependencies: [
                "MediaIdentity",
                "PlaybackModel",
            ],
            exclude: ["README.md"]
        ),
        .testTarget(
            name: "ScrobblingTests",
            dependencies: [
                "Scrobbling",
                "MediaIdentity",
                "PlaybackModel",
                .product(name: "Clocks", package: "swift-clocks"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ScrobblingIntegrationTests",
            dependencies: [
                "PlaybackModel",
                "BusTestSupport",
                "DBus",
                "MPRIS",
                "MPRISTestSupport",
                "MediaIdentity",
                "PunchPlay",
                "Scrobbling",
                "TestSupport",
            ]
        ),

        // MARK: Outbox
        .target(
            name: "Outbox",
            dependencies: [
                "PlaybackModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"]
        ),
        .testTarget(
            name: "OutboxTests",
            dependencies: [
                "PlaybackModel",
                "Credentials",
                "Outbox",
                "PunchPlay",
                "PunchPlaySandbox",
                "PunchPlayTestSupport",
                "TestSupport",
                .product(name: "Clocks", package: "swift-clocks"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ]
        ),

        .executableTarget(
            name: "outbox-crash-worker",
            dependencies: [
                "PlaybackModel",
                "Credentials",
                "Outbox",
                "PunchPlay",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"]
        ),

        // MARK: Agent
        .target(name: "CBuiltInClientID", exclude: ["README.md"]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CUserFault"),
        .target(
            name: "Agent",
            dependencies: [
                "PlaybackModel",
                "CBuiltInClientID",
                "CMalloc",
                "CUserFault",
                "Credentials",
                "DBus",
                "MPRIS",
                "MediaIdentity",
                "PunchPlay",
                "Scrobbling",
                "Outbox",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            exclude: ["README.md"]
        ),

        .testTarget(
            name: "AgentTests",
            dependencies: [
                "PlaybackModel",
                "Agent",
                "CMalloc",
                "BusTestSupport",
                "DBus",
                "MPRIS",
                "Scrobbling",
                "Outbox",
                "PunchPlay",
                "TestSupport",
                .product(name: "Clocks", package: "swift-clocks"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .target(
            name: "AgentTestSupport",
            dependencies: [
                "Agent",
                "PunchPlay",
                "Credentials",
                "PunchPlaySandbox",
                "PunchPlayTestSupport",
                "TestSupport",
            ],
            exclude: ["README.md"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "Agent",
                "punchplay-mpris",
                "AgentTestSupport",
                "BusTestSupport",
                "DBus",
                "MPRISTestSupport",
                "PunchPlay",
                "PunchPlaySandbox",
                "TestSupport",
            ]
        ),

        .testTarget(
            name: "ReleaseEndToEndTests",
            dependencies: [
                "AgentTestSupport",
                "BusTestSupport",
                "DBus",
                "MPRIS",
                "MPRISTestSupport",
                "PunchPlaySandbox",
                "TestSupport",
            ]
        ),

        // MARK: Command line
        .executableTarget(
            name: "punchplay-mpris",
            dependencies: [
                "Agent",
                "MediaIdentity",
                "MPRIS",
                "Outbox",
                "PunchPlay",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]
        ),

        // MARK: Benchmarks
        .executableTarget(name: "concurrency-floor", exclude: ["README.md"]),
        .executableTarget(
            name: "playing-floor",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "reaction-floor",
            dependencies: [
                "DBus",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "punchplay-bench",
            dependencies: [
                "AgentTestSupport",
                "BusTestSupport",
                "DBus",
                "MediaIdentity",
                "MPRISTestSupport",
                "Outbox",
                "PlaybackModel",
                "PunchPlay",
                "PunchPlaySandbox",
                "PunchPlayTestSupport",
                "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]
        ),

        // MARK: Sandbox server
        .target(
            name: "PunchPlaySandbox",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "punchplay-sandbox",
            dependencies: [
                "PunchPlaySandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]
        ),
        .testTarget(
            name: "PunchPlaySandboxTests",
            dependencies: [
                "PunchPlaySandbox",
                "punchplay-sandbox",
                "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
