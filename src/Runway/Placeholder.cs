namespace Runway { internal static class Placeholder {} }
