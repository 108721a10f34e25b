import AufwindCore
import Testing

@Suite("Addresses that may become links")
struct WebAddressTests {
    @Test("http and https addresses in any case may become links")
    func webAddresses() {
        #expect(WebAddress.isHTTP("https://www.ahlen.de"))
        #expect(WebAddress.isHTTP("http://example.org/a?b=c"))
        #expect(WebAddress.isHTTP("HTTPS://WWW.OELDE.DE"))
    }

    @Test("javascript:, data:, relative and scheme-relative addresses never become links")
    func otherSchemes() {
        for address in [
            "javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "/intern", "//evil.example", "",
        ] {
            #expect(!WebAddress.isHTTP(address), "\(address)")
        }
    }
}
