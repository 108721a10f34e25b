import Vapor
public enum AufwindServerPlaceholder {}
