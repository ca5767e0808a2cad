// swift-tools-version:6.0
// mmreview: reviews Linux mm patches from mailing-list threads.
// One library target per stage; data flows one way:
//   Mail ─► Conversation ◄─ Patches;  Conversation ─► Report ─► mmreview (CLI)
import PackageDescription

let package = Package(
    name: "mmreview",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mmreview", targets: ["mmreview"]),
        .library(name: "MMReview", targets: ["Mail", "Patches", "Conversation", "Report"]),
    ],
    targets: [
        // zlib, through a system-library target: the one C library we use, to read lore's
        // t.mbox.gz archives (gzip is not in Foundation on Linux).
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        // Bytes in, messages and threads out. Knows nothing of diffs or C.
        .target(name: "Mail", dependencies: ["CZlib"]),
        // The unified-diff model and the lenient diff scanner. Knows nothing of mail formats.
        .target(name: "Patches"),
        // Quote levels, attribution, patches found at every level, comments and their anchors.
        .target(name: "Conversation", dependencies: ["Mail", "Patches"]),
        // The simulated memory.c model: bundled bases, manifests, functions by name, base choice,
        // applying each patch version. Knows nothing of the checker.
        .target(name: "Model", dependencies: ["Patches", "Conversation", "Mail"]),
        // Kernel C: lexer, small preprocessor, parser, syntax tree with source locations.
        // Knows nothing of mm semantics.
        .target(name: "CFrontEnd"),
        // The checker: abstract mm state, builtins citing the kernel behaviour they model, an
        // interpreter exploring every path, and the invariants (one file each in Invariants/).
        .target(name: "Checker", dependencies: ["CFrontEnd", "Model", "Conversation", "Patches"]),
        // One report value per thread (ReportBuilder joins extract, apply and check), rendered as
        // text, Markdown, JSON, HTML and a reply mail.
        .target(name: "Report", dependencies: ["Conversation", "Patches", "Mail", "Model", "Checker"]),
        // Archive-scale batch jobs: threads as work items, workers, the journal and resume, shards,
        // merge, progress, summary. Takes the per-thread work from the caller; renders nothing.
        .target(name: "Batch", dependencies: ["Mail"]),
        // The command line: arguments in, text out.
        .executableTarget(
            name: "mmreview", dependencies: ["Mail", "Patches", "Conversation", "Model", "Checker", "Report", "Batch"]),
        // Benchmarks (not tests): `swift run -c release mmreview-bench`.
        .executableTarget(
            name: "mmreview-bench", dependencies: ["Mail", "Patches", "Conversation", "Report", "Checker", "Model"]),
        // What the command-line tests share: running the built `mmreview`.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CFrontEndTests", dependencies: ["CFrontEnd"], exclude: ["Fixtures"]),
        .testTarget(
            name: "CheckerTests", dependencies: ["Checker", "CFrontEnd", "Model", "Conversation", "Mail"],
            exclude: ["Fixtures"]),
        .testTarget(name: "MailTests", dependencies: ["Mail"], exclude: ["Fixtures"]),
        .testTarget(name: "PatchesTests", dependencies: ["Patches"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ModelTests", dependencies: ["Model", "Patches", "Conversation", "Mail"], exclude: ["Fixtures"]),
        .testTarget(name: "BatchTests", dependencies: ["Batch", "Mail", "TestSupport"]),
        .testTarget(
            name: "ConversationTests", dependencies: ["Mail", "Patches", "Conversation", "Report", "TestSupport"]),
        .testTarget(
            name: "ReportTests",
            dependencies: ["Report", "Checker", "Model", "Conversation", "Mail", "Patches", "TestSupport"],
            exclude: ["Fixtures"]),
    ]
)
