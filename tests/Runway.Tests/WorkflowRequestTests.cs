using System;
using System.Collections.Generic;
using System.Text.Json;
using Runway.Api;
using Runway.Media;
using Runway.Models;
using Xunit;

namespace Runway.Tests
{
    /// <summary>Workflow runs: declared inputs read from the graph, -Inputs names resolved, kinds checked, the nodeOutputs body.</summary>
    public sealed class WorkflowRequestTests
    {
        private const string Graph = @"{""id"":""wf1"",""name"":""Shot"",""version"":2,""description"":null,""createdAt"":""2026-08-01T12:00:00Z"",""updatedAt"":""2026-08-01T12:00:00Z"",
            ""graph"":{""version"":1,""edges"":[],""nodes"":[
              {""id"":""n1"",""name"":""Product image"",""type"":""input"",""outputs"":{""image"":{""type"":""image"",""required"":true}}},
              {""id"":""n2"",""name"":""Prompt"",""type"":""input"",""outputs"":{""text"":{""type"":""primitive"",""valueType"":""string"",""required"":false,""default"":""soft light""},
                                                                         ""count"":{""type"":""primitive"",""valueType"":""number"",""required"":false,""default"":2}}},
              {""id"":""n3"",""name"":""Render"",""type"":""generation"",""produces"":""image"",""count"":2}]}}";

        private static RunwayWorkflow Workflow() => RunwayWorkflow.FromJson(JsonDocument.Parse(Graph).RootElement);

        private static IMediaInput Media(object value, RunwayWorkflowInput input) =>
            MediaSource.From(value, "Inputs", p => p, Enum.Parse<MediaKind>(input.Type, true));

        private static WorkflowRunRequest Build(params (string, object)[] inputs)
        {
            var given = new List<KeyValuePair<string, object>>();
            foreach (var (name, value) in inputs) given.Add(new KeyValuePair<string, object>(name, value));
            return WorkflowRequestBuilder.Build(Workflow(), given, Media);
        }

        [Fact]
        public void The_graph_gives_the_declared_inputs_and_steps()
        {
            RunwayWorkflow workflow = Workflow();
            Assert.True(workflow.InputsKnown);
            Assert.Equal(new[] { "Product image.image", "Prompt.text", "Prompt.count" }, Array.ConvertAll(workflow.Inputs, i => i.Name));
            Assert.Equal(new[] { "image", "string", "number" }, Array.ConvertAll(workflow.Inputs, i => i.Kind));
            Assert.Equal("soft light", workflow.Inputs[1].Default);
            Assert.Equal(new[] { "Render" }, workflow.Steps);
        }

        [Fact]
        public void Names_resolve_by_full_name_node_or_unique_key_and_the_body_is_typed()
        {
            WorkflowRunRequest request = Build(("product image", "https://example.com/a.png"), ("Prompt.text", "marble"), ("count", 3));
            Assert.Equal(@"{""nodeOutputs"":{""n1"":{""image"":{""type"":""image"",""uri"":""https://example.com/a.png""}},""n2"":{""text"":{""type"":""primitive"",""value"":""marble""},""count"":{""type"":""primitive"",""value"":3}}}}",
                request.Body.ToJsonString());
        }

        [Fact]
        public void Ambiguous_unknown_missing_and_wrong_kinds_are_refused()
        {
            Assert.Equal("Runway.AmbiguousWorkflowInput", Assert.Throws<RunwayInputException>(() => Build(("Prompt", "x"), ("Product image", "https://example.com/a.png"))).ErrorId);
            Assert.Equal("Runway.UnknownKey", Assert.Throws<RunwayInputException>(() => Build(("Colour", "red"))).ErrorId);
            var missing = Assert.Throws<RunwayInputException>(() => Build(("Prompt.text", "x")));
            Assert.Equal("Runway.MissingWorkflowInput", missing.ErrorId);
            Assert.Contains("'Product image.image' (image, required)", missing.Message);
            Assert.Equal("Runway.WrongWorkflowInputKind", Assert.Throws<RunwayInputException>(() => Build(("Product image", 5))).ErrorId);
            Assert.Equal("Runway.WrongWorkflowInputKind", Assert.Throws<RunwayInputException>(() => Build(("Product image", "https://example.com/a.png"), ("count", "three"))).ErrorId);
        }

        [Fact]
        public void An_empty_run_of_a_workflow_without_required_inputs_sends_an_empty_body()
        {
            var workflow = RunwayWorkflow.FromJson(JsonDocument.Parse(@"{""id"":""w"",""name"":""n"",""version"":1,""graph"":{""nodes"":[],""edges"":[],""version"":1}}").RootElement);
            Assert.Equal("{}", WorkflowRequestBuilder.Build(workflow, null, Media).Body.ToJsonString());
        }
    }
}
