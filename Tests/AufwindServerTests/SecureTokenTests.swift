import Testing

@testable import AufwindServer

@Suite("Secret tokens: stored only as their hash")
struct SecureTokenTests {
    @Test("a token's hash is SHA-256 in lower-case hex (the known test vectors)")
    func hash() {
        #expect(SecureToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SecureToken.hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
