import Testing

@testable import AufwindCore

@Suite("Change log: every row applied exactly once, gaps crossed only when no transaction can fill them")
struct ChangeWatermarkTests {
    typealias Snapshot = ChangeWatermark.Snapshot

    @Test("SQLite (one writer): what a read sees is final; rows applied once, in order")
    func singleWriter() {
        var watermark = ChangeWatermark(position: 4)
        #expect(watermark.receive([5, 6, 8], snapshot: nil) == [5, 6, 8])
        #expect(watermark.position == 8)
        #expect(watermark.receive([8, 9], snapshot: nil) == [9])
        #expect(watermark.receive([3], snapshot: nil) == [])
        #expect(watermark.position == 9)
    }

    @Test("a row of a transaction still running when a later one was read is applied when it commits")
    func lateCommit() {
        var watermark = ChangeWatermark(position: 9)
        // Transaction 100 wrote row 10 and still runs; 101 wrote row 11 and committed.
        #expect(watermark.receive([11], snapshot: Snapshot(xmin: 100, xmax: 102)) == [11])
        #expect(watermark.position == 9 && watermark.waitsForGaps)
        // 100 still runs: nothing new, the gap stays.
        #expect(watermark.receive([11], snapshot: Snapshot(xmin: 100, xmax: 103)) == [])
        #expect(watermark.position == 9)
        // 100 committed: row 10 is applied once, and the position moves past 11.
        #expect(watermark.receive([10, 11], snapshot: Snapshot(xmin: 103, xmax: 103)) == [10])
        #expect(watermark.position == 11 && !watermark.waitsForGaps)
        #expect(watermark.receive([12], snapshot: Snapshot(xmin: 104, xmax: 104)) == [12])
        #expect(watermark.position == 12)
    }

    @Test("a rolled-back transaction's number is crossed once every transaction of that time has ended")
    func rollback() {
        var watermark = ChangeWatermark(position: 0)
        #expect(watermark.receive([1, 3], snapshot: Snapshot(xmin: 50, xmax: 52)) == [1, 3])
        #expect(watermark.position == 1)
        // A transaction started later (xid 52) still runs: it cannot own row 2, the gap is final.
        #expect(watermark.receive([3, 4], snapshot: Snapshot(xmin: 52, xmax: 53)) == [4])
        #expect(watermark.position == 4 && !watermark.waitsForGaps)
    }

    @Test("with no transaction running at the read, a gap is final at once")
    func nothingRunning() {
        var watermark = ChangeWatermark(position: 0)
        #expect(watermark.receive([2], snapshot: Snapshot(xmin: 70, xmax: 70)) == [2])
        #expect(watermark.position == 2)
    }

    @Test("newer gaps wait for their own transactions, older ones are crossed")
    func severalGaps() {
        var watermark = ChangeWatermark(position: 0)
        #expect(watermark.receive([2], snapshot: Snapshot(xmin: 10, xmax: 12)) == [2])
        #expect(watermark.receive([2, 5], snapshot: Snapshot(xmin: 11, xmax: 15)) == [5])
        #expect(watermark.position == 0)
        // 10 and 11 ended (row 1 rolled back), 12–14 still may own rows 3 and 4.
        #expect(watermark.receive([2, 5], snapshot: Snapshot(xmin: 12, xmax: 16)) == [])
        #expect(watermark.position == 2 && watermark.waitsForGaps)
        #expect(watermark.receive([2, 3, 4, 5], snapshot: Snapshot(xmin: 14, xmax: 16)) == [3, 4])
        #expect(watermark.position == 5 && !watermark.waitsForGaps)
    }
}

extension ChangeWatermarkTests {
    @Test("a read cut off at its row limit does not cross a gap above its last row")
    func cutOffRead() {
        var watermark = ChangeWatermark(position: 100)
        // Transaction T holds 101…6100, U committed 6101: the gap is recorded.
        #expect(watermark.receive([6101], snapshot: Snapshot(xmin: 10, xmax: 12)) == [6101])
        // T committed; the read returns only 101…5100 (its limit): the position stays below 5101.
        let first = watermark.receive(Array(101...5100), snapshot: Snapshot(xmin: 13, xmax: 13), coveredThrough: 5100)
        #expect(first.count == 5_000 && watermark.position == 5_100)
        // The next read brings the rest; now the gap is crossed, nothing skipped.
        let rest = watermark.receive(Array(5101...6101), snapshot: Snapshot(xmin: 13, xmax: 13))
        #expect(rest == Array(5101...6100) && watermark.position == 6_101)
    }

    @Test("a start while a transaction holds an earlier number: that row is applied when it commits")
    func startWithRunningTransaction() {
        // Row 10 belongs to a transaction still running; 9 and 11 are committed and in the copies.
        var watermark = ChangeWatermark(startingAfter: 0, visible: Array(1...9) + [11], snapshot: Snapshot(xmin: 50, xmax: 52))
        #expect(watermark.position == 9 && watermark.waitsForGaps)
        #expect(watermark.receive([11], snapshot: Snapshot(xmin: 50, xmax: 53)) == [])
        #expect(watermark.receive([10, 11], snapshot: Snapshot(xmin: 53, xmax: 53)) == [10])
        #expect(watermark.position == 11)
    }
}

@Suite("Change summary: what a batch asks of an instance, each thing once")
struct ChangeSummaryTests {
    @Test("an import is one reload, an item edited ten times one look-up, and items drop the atlas")
    func summary() {
        var changes = (1...16_000).map { Change(sequence: Int64($0), kind: .register, key: "") }
        changes += (1...10).map { Change(sequence: Int64(16_000 + $0), kind: .eintrag, key: "0A1B-CD") }
        changes.append(Change(sequence: 20_000, kind: .person, key: "ABC"))
        changes.append(Change(sequence: 20_001, kind: .anfragen, key: "05570004"))
        changes.append(Change(sequence: 20_002, kind: .benachrichtigungen, key: "DEF"))
        let summary = ChangeSummary(changes)
        #expect(summary.register && !summary.fundingCatalogue && !summary.solutions)
        #expect(summary.items == ["0a1b-cd"] && summary.atlas)
        #expect(summary.people == ["abc"] && summary.answeringTowns == ["05570004"] && summary.notified == ["def"])
        #expect(ChangeSummary([]).isEmpty)
    }
}
