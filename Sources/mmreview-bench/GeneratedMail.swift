/// One message as the generator made it, before it is encoded and written.
struct GeneratedMail {
    enum Kind { case patch, coverLetter, reply }

    var kind: Kind
    var from: KernelVocabulary.Person
    var date: MailDateText
    var subject: String
    var messageID: String
    /// The parent's id, then the whole chain from the thread's root (References).
    var inReplyTo: String?
    var references: [String]
    var to: [KernelVocabulary.Person]
    var cc: [KernelVocabulary.Person]
    /// The decoded text, one string per line.
    var body: [String]
    var encoding: TransferEncoding
    /// `X-Mailer`/`User-Agent`, which also says who writes what kind of Message-ID.
    var agent: String
}
