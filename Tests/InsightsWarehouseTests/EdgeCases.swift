import Foundation
import InsightsTestSupport

/// Hand-made data around the edges (Europe/Berlin: 29 March 2026 has 23 hours, from
/// 2026-03-28T23:00Z to 2026-03-29T22:00Z; 25 October has 25):
/// - c1's first inbound message is at the period's first instant and a close at the same
///   instant (inbound first: a span of 0 seconds);
/// - c2 opened before the period and was closed at its first instant (active, closed);
/// - c3 is closed and reopened; at 12:00 an inbound message and a `reopened` event at one
///   instant (the message opens, the event changes nothing);
/// - c4's two events at 09:00 come in file order `opened` (seq 2), `closed` (seq 1): by
///   seq the close applies first, so the `opened` reopens;
/// - authors without id or name, without id with a name, and one id whose two newest
///   messages share an instant: `m1a` sorts after `M9a` by code point (SQLite's order) but
///   before it in ICU's `en-US`, so the newest name is "Lower";
/// - numbers from the shared calling code +1 (CA, US) and +44 (GG), one contact without phone;
/// - countries (n01…n24, one inbound message each at 14:nn UTC on 29 March): shared calling
///   codes +1 (n01 US 800 toll-free, n02 CA 506, n03 PR 787 with `00`, n04 JM 876 bare),
///   +7 (n05 RU 800, n06 KZ 7), +44 (n07 GB, n08 GG 1481 with `00`, n09 JE 1534, n10 IM 1624,
///   n19 GB after `tel:`), +262 (n11 RE 262, n12 YT 269), +590 (n13 GP 690, n14 BL 590 27,
///   n15 MF 590 50); ZZ for the unassigned +999 (n16), the non-geographic +800 (n17), a `+`
///   before `00` (n18: calling code 0) and two digits (n23); fullwidth digits and plus (n20
///   CA), Arabic-Indic digits with `00` (n21 ZA), a lower-case `gb` country over a US number
///   (n22 GB), and a national number of 18 digits that is 17 once its `0` prefix is
///   stripped (n24 ZA);
/// - goals listed by `position` against their id order (g2 before g1);
/// - two messages at 02:30 local on 25 October, one in CEST and one in CET;
/// - consent: c1 opted in and out at one instant (still opted in), c2 opted out in the
///   period, c3 opted out at its first instant, c5 opted in at its end instant (outside);
/// - statuses: o01 read twice (the earliest read counts), o02's newest failure has no error,
///   o03 failed then delivered, m1a read before it was sent (0 minutes), M9a two failures at
///   one instant (the greater error, `y`), o04 failed with ` timeout` (trimmed alike with
///   o02's first), a status of an inbound message and one of an unknown message (both count
///   for nothing).
enum EdgeCases {
    static let files: [String: String] = [
        "contacts.csv": """
        contact_id,phone,country,created_at
        c1,+1 613 555 0123,,
        c2,+1 212 555 0100,,
        c3,+44 1481 256789,,
        c4,,,
        c5,+977 980 1234567,,
        n01,+1 800 212 3456,,
        n02,+1 (506) 234-5678,,
        n03,0017872345678,,
        n04,18765230123,,
        n05,+7 (800) 123-45-67,,
        n06,+7 712 345 8423,,
        n07,+44 121 234 5678,,
        n08,00441481256576,,
        n09,+44 1534 456789,,
        n10,+44 1624 756789,,
        n11,+262 262 16 1234,,
        n12,+262 269 60 1234,,
        n13,+590 690 00 12 34,,
        n14,590590271234,,
        n15,+590 590 50 10 73,,
        n16,+999 123456,,
        n17,+800 1234 5678,,
        n18,+00 27 82 123 4567,,
        n19,tel:+44 20 7946 0958,,
        n20,＋１６１３５５５０１２３,,
        n21,٠٠٢٧٨٢١٢٣٤٥٦٧,,
        n22,+1 212 555 0100,gb,
        n23,12,,
        n24,+27 0 821 234 567 890 1234,,

        """,
        "messages.csv": """
        message_id,contact_id,direction,timestamp,author_type,author_id,author_name
        i01,c2,inbound,2026-03-28T22:30:00Z,,,
        i02,c1,inbound,2026-03-28T23:00:00Z,,,
        i03,c2,inbound,2026-03-29T01:30:00Z,,,
        o01,c2,outbound,2026-03-29T02:00:00Z,coach,coach-1,Amina
        o02,c1,outbound,2026-03-29T03:00:00Z,stack,,
        o03,c1,outbound,2026-03-29T03:10:00Z,api,,Webhook
        m1a,c2,outbound,2026-03-29T05:00:00Z,coach,coach-1,Lower
        M9a,c2,outbound,2026-03-29T05:00:00Z,coach,coach-1,Upper
        o04,c3,outbound,2026-03-29T05:30:00Z,coach,coach-2,
        i04,c3,inbound,2026-03-29T10:00:00Z,,,
        i05,c3,inbound,2026-03-29T12:00:00Z,,,
        i06,c4,inbound,2026-03-29T08:00:00Z,,,
        i07,c5,inbound,2026-03-29T21:59:59.999999Z,,,
        i08,c5,inbound,2026-03-29T22:00:00Z,,,
        i09,c1,inbound,2026-10-25T00:30:00Z,,,
        i10,c1,inbound,2026-10-25T01:30:00Z,,,
        o05,c1,outbound,2026-10-25T01:45:00Z,reminder,r-1,Daily
        p01,n01,inbound,2026-03-29T14:01:00Z,,,
        p02,n02,inbound,2026-03-29T14:02:00Z,,,
        p03,n03,inbound,2026-03-29T14:03:00Z,,,
        p04,n04,inbound,2026-03-29T14:04:00Z,,,
        p05,n05,inbound,2026-03-29T14:05:00Z,,,
        p06,n06,inbound,2026-03-29T14:06:00Z,,,
        p07,n07,inbound,2026-03-29T14:07:00Z,,,
        p08,n08,inbound,2026-03-29T14:08:00Z,,,
        p09,n09,inbound,2026-03-29T14:09:00Z,,,
        p10,n10,inbound,2026-03-29T14:10:00Z,,,
        p11,n11,inbound,2026-03-29T14:11:00Z,,,
        p12,n12,inbound,2026-03-29T14:12:00Z,,,
        p13,n13,inbound,2026-03-29T14:13:00Z,,,
        p14,n14,inbound,2026-03-29T14:14:00Z,,,
        p15,n15,inbound,2026-03-29T14:15:00Z,,,
        p16,n16,inbound,2026-03-29T14:16:00Z,,,
        p17,n17,inbound,2026-03-29T14:17:00Z,,,
        p18,n18,inbound,2026-03-29T14:18:00Z,,,
        p19,n19,inbound,2026-03-29T14:19:00Z,,,
        p20,n20,inbound,2026-03-29T14:20:00Z,,,
        p21,n21,inbound,2026-03-29T14:21:00Z,,,
        p22,n22,inbound,2026-03-29T14:22:00Z,,,
        p23,n23,inbound,2026-03-29T14:23:00Z,,,
        p24,n24,inbound,2026-03-29T14:24:00Z,,,

        """,
        "conversation_events.csv": """
        contact_id,event,timestamp,actor_id,actor_name,seq
        c1,closed,2026-03-28T23:00:00Z,coach-1,Amina,
        c2,closed,2026-03-28T23:00:00Z,coach-1,Amina,
        c3,closed,2026-03-29T11:00:00Z,coach-2,,
        c3,reopened,2026-03-29T12:00:00Z,coach-2,,
        c3,closed,2026-03-29T13:15:00Z,coach-2,,
        c4,opened,2026-03-29T09:00:00Z,,,2
        c4,closed,2026-03-29T09:00:00Z,,,1
        c1,closed,2026-10-25T02:00:00Z,,,

        """,
        "message_statuses.csv": """
        message_id,status,timestamp,error
        o01,sent,2026-03-29T02:00:01Z,
        o01,delivered,2026-03-29T02:00:05Z,
        o01,read,2026-03-29T02:05:00Z,
        o01,read,2026-03-29T02:09:00Z,
        o02,failed,2026-03-29T03:00:05Z,"timeout "
        o02,failed,2026-03-29T03:01:00Z,
        o03,failed,2026-03-29T03:10:05Z,131026
        o03,delivered,2026-03-29T03:12:00Z,
        m1a,read,2026-03-29T04:59:00Z,
        M9a,failed,2026-03-29T05:00:10Z,x
        M9a,failed,2026-03-29T05:00:10Z,y
        o04,failed,2026-03-29T05:31:00Z," timeout"
        o04,sent,2026-03-29T05:30:01Z,
        i02,read,2026-03-28T23:00:10Z,
        zz,delivered,2026-03-29T06:00:00Z,

        """,
        "goals.csv": """
        goal_id,name,description,position
        g1,Quit,,2
        g2,Move,,1

        """,
        "behaviours.csv": """
        behaviour_id,goal_id,name,position
        b1,g1,Plan,
        b2,g1,Call,1
        b3,g2,Walk,

        """,
        "goal_events.csv": """
        contact_id,goal_id,behaviour_id,event,timestamp
        c1,g1,,started,2026-03-29T01:00:00Z
        c2,g1,,started,2026-03-29T02:00:00Z
        c1,g1,b1,actioned,2026-03-29T03:00:00Z
        c1,g1,b1,actioned,2026-03-29T04:00:00Z
        c2,g1,,completed,2026-03-29T21:00:00Z
        c1,g2,,started,2026-03-28T22:59:59Z

        """,
    ]

    /// Writes the files to a new folder and returns their paths.
    static func write() throws -> [String] {
        let folder = try TestPaths.temporaryDirectory("pg-edges")
        return try files.keys.sorted().map { name in
            let url = folder.appendingPathComponent(name)
            try Data(files[name, default: ""].utf8).write(to: url)
            return url.path
        }
    }
}
