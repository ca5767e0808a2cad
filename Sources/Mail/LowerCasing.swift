extension String {
    /// `lowercased()`, computed on bytes: ASCII letters are lowered directly, and only the other
    /// scalars go through their own lower-case mapping. The standard library maps every scalar
    /// through `Unicode.Scalar.Properties.lowercaseMapping` (a String each): ~2,000 instructions
    /// for a short ASCII title and ~450 a Character otherwise, so a reply line with one accented
    /// name cost ~27,000. `LowerCasingTests` holds the two equal on random text, Greek final
    /// sigma included.
    package func lowercasedASCIIFast() -> String {
        var copy = self
        return copy.withUTF8 { b in
            if ASCII.isAllASCII(b) { return String(asciiLowercasing: b) }
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 8)
            for scalar in unicodeScalars {
                if scalar.isASCII {
                    out.append(ASCII.lower(UInt8(truncatingIfNeeded: scalar.value)))
                } else {
                    out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// ASCII bytes with A-Z lowered, as a String (the conversation layer's byte checks use it
    /// too). Other bytes are copied as they are.
    package init(asciiLowercasing b: UnsafeBufferPointer<UInt8>) {
        self.init(unsafeUninitializedCapacity: b.count) { out in
            for k in 0..<b.count { out[k] = ASCII.lower(b[k]) }
            return b.count
        }
    }
}
