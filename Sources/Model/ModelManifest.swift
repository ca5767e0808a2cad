/// `corpus/model/<base>/manifest.json`: which kernel a base models, where each function's lines
/// come from, and which upstream blobs it stands for (so a patch's `index` line can choose it).
public struct ModelManifest: Sendable, Codable, Equatable {
    public var name: String
    /// The kernel version modelled, in words (`Linux mainline of 2020-08-11, between v5.8 and v5.9-rc1`).
    public var kernel: String
    /// `YYYY-MM-DD`: when that kernel was current (a fallback for choosing a base by date).
    public var date: String
    public var seeds: [String]?
    /// How we know this is the base the seeds were written against.
    public var why: String?
    /// Path → upstream preimage blob ids (abbreviated) that this base's file stands for.
    public var blobs: [String: [String]]?
    public var files: [String: FileEntry]
    public var fragments: [FragmentPlacement]?

    public struct FileEntry: Sendable, Codable, Equatable {
        public var functions: [FunctionEntry]
    }

    public struct FunctionEntry: Sendable, Codable, Equatable {
        public var name: String
        /// The kernel function and version it models (`mm/memory.c do_wp_page(), v5.8.1`).
        public var models: String?
        /// Where the lines come from: `patch context (000) + our words`, `archive: <url>`, ...
        public var from: String?
        public var patchLines: String?
        public var simplified: String?
    }

    /// Where a header-less fragment that adds a function goes.
    public struct FragmentPlacement: Sendable, Codable, Equatable {
        public var function: String
        public var file: String
        public var insertAfter: String?
        public var insertBefore: String?
        public var basis: String?
        /// Lines the thread never quoted (a stub's body) that the archive supplies, appended after
        /// the fragment; marked as such in reports.
        public var completion: Completion?
    }

    public struct Completion: Sendable, Codable, Equatable {
        public var after: [String]
        public var source: String?
        public var message: String?
        public var why: String?
    }
}
