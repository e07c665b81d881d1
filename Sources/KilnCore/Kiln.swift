public enum Kiln {}
