import DBus
import Testing

@Suite("Match rules render to the bus's syntax")
struct MatchRuleTests {
    @Test func aFullRuleRendersEveryKeyInOrder() {
        let rule = MatchRule(
            sender: "org.mpris.MediaPlayer2.vlc",
            interface: "org.freedesktop.DBus.Properties",
            member: "PropertiesChanged",
            path: "/org/mpris/MediaPlayer2",
            destination: ":1.7",
            arguments: [2: "x", 0: "org.mpris.MediaPlayer2.Player"],
            argumentPaths: [1: "/a/"]
        )
        #expect(
            rule.description
                == "type='signal',sender='org.mpris.MediaPlayer2.vlc',interface='org.freedesktop.DBus.Properties',"
                + "member='PropertiesChanged',path='/org/mpris/MediaPlayer2',destination=':1.7',"
                + "arg0='org.mpris.MediaPlayer2.Player',arg2='x',arg1path='/a/'"
        )
    }

    @Test func namespacesAndOtherTypesRender() {
        let rule = MatchRule(type: .methodCall, pathNamespace: "/org/mpris", arg0Namespace: "org.mpris.MediaPlayer2")
        #expect(
            rule.description == "type='method_call',path_namespace='/org/mpris',arg0namespace='org.mpris.MediaPlayer2'")
    }

    @Test func anEmptyRuleWithoutTypeMatchesEverything() {
        #expect(MatchRule(type: nil).description == "")
    }

    @Test func apostrophesAreEscapedOutsideTheQuotes() {
        #expect(MatchRule(type: nil, arguments: [0: "it's"]).description == #"arg0='it'\''s'"#)
    }
}
