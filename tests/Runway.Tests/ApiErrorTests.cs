using System.Net.Http;
using System.Net.Sockets;
using Runway.Api;
using Xunit;

namespace Runway.Tests
{
    public class ApiErrorTests
    {
        [Fact]
        public void The_APIs_message_and_field_issues_are_read()
        {
            RunwayClient.ReadError("{\"error\":\"Validation of body failed\",\"issues\":[{\"path\":[\"ratio\"],\"message\":\"Invalid enum value\"}]}",
                out string message, out var issues);
            Assert.Equal("Validation of body failed", message);
            Assert.Equal(new[] { "ratio: Invalid enum value" }, issues);
        }

        [Fact]
        public void A_non_JSON_error_body_is_kept_as_text()
        {
            RunwayClient.ReadError("<html>Bad gateway</html>", out string message, out var issues);
            Assert.Equal("<html>Bad gateway</html>", message);
            Assert.Empty(issues);
        }

        [Fact]
        public void The_exception_message_names_the_status_path_and_the_APIs_words()
        {
            var ex = RunwayApiException.FromResponse("GET", "/v1/tasks/x", 404, "Task not found", null, "");
            Assert.Equal("Runway API: Task not found (HTTP 404, GET /v1/tasks/x).", ex.Message);
        }

        [Fact]
        public void A_create_that_may_have_reached_the_server_says_so()
        {
            var ex = RunwayApiException.FromNoResponse("POST", "/v1/image_to_video", AttemptOutcome.ConnectionLost, RequestKind.CreateTask, "", null);
            Assert.True(ex.TaskMayExist);
            Assert.Contains("may have started (and charged for) a task", ex.Message);
            var never = RunwayApiException.FromNoResponse("POST", "/v1/image_to_video", AttemptOutcome.NeverSent, RequestKind.CreateTask, "", null);
            Assert.False(never.TaskMayExist);
        }

        [Theory]
        [InlineData(500, true)]
        [InlineData(503, true)]
        [InlineData(408, true)]
        [InlineData(400, false)]
        [InlineData(429, false)]
        public void A_server_error_to_a_create_may_have_started_a_task(int status, bool mayExist)
        {
            var ex = RunwayApiException.FromResponse("POST", "/v1/text_to_image", status, "boom", null, "", RequestKind.CreateTask);
            Assert.Equal(mayExist, ex.TaskMayExist);
            Assert.False(RunwayApiException.FromResponse("GET", "/v1/tasks/x", status, "boom", null, "").TaskMayExist);
        }

        [Fact]
        public void A_refused_connection_counts_as_never_sent()
        {
            var refused = new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));
            Assert.True(RunwayClient.IsConnectFailure(refused));
            var reset = new HttpRequestException("reset", new System.IO.IOException("x", new SocketException((int)SocketError.ConnectionReset)));
            Assert.False(RunwayClient.IsConnectFailure(reset));
        }

        [Theory]
        [InlineData("key_0123456789abcdef0123456789abcdef", "key_…cdef")]
        [InlineData("short", "…")]
        [InlineData(null, "(none)")]
        public void Keys_are_masked(string key, string hint) => Assert.Equal(hint, RunwayConfiguration.MaskKey(key));
    }
}
