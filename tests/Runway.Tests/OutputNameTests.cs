using Runway.Api;
using Runway.Media;
using Xunit;

namespace Runway.Tests
{
    public class OutputNameTests
    {
        private static readonly OutputNameFields Fields = new OutputNameFields { Id = "abc", InputName = "cat", Model = "gen4_image" };

        [Theory]
        [InlineData("{Id}.png", "image/png", "abc.png")]
        [InlineData("{Id}.PNG", "image/png", "abc.PNG")]
        [InlineData("{Id}.jpg", "image/png", "abc.jpg")]
        [InlineData("{Id}", "image/png", "abc.png")]
        [InlineData("{InputName}.v2", "image/png", "cat.v2.png")]
        [InlineData("{Id}.zip", "application/zip", "abc.zip")]
        public void A_template_that_ends_in_a_media_extension_gives_it_once(string template, string type, string expected)
        {
            var target = OutputTarget.Directory("/out", NameTemplate.Parse(template, "NameTemplate"));
            Assert.Equal(System.IO.Path.Combine("/out", expected), target.PathFor(Fields, 0, 1, type, null));
        }

        [Fact]
        public void Several_outputs_are_numbered_before_the_templates_extension()
        {
            var target = OutputTarget.Directory("/out", NameTemplate.Parse("pair.png", "NameTemplate"));
            Assert.Equal(System.IO.Path.Combine("/out", "pair_2.png"), target.PathFor(Fields, 1, 2, "image/png", null));
        }

        [Fact]
        public void A_task_made_from_another_tasks_output_keeps_the_first_input_name()
        {
            var task = new RunwayTask { Inputs = new[] { RunwayTask.FromTaskPrefix + "1b2c: cat -> https://example.com/_outputs/1b2c/0" } };
            Assert.Equal("cat", task.InputName);
            var fromText = new RunwayTask { Inputs = new[] { RunwayTask.FromTaskPrefix + "1b2c:  -> https://example.com/_outputs/1b2c/0", "/frames/dog.png -> data:image/png;base64,…" } };
            Assert.Equal("dog", fromText.InputName);
        }
    }
}
