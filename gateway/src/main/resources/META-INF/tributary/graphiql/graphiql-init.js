// Starts GraphiQL against this gateway, with the settings the page carries in #graphiql-config.
(function () {
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  var fetcher = GraphiQL.createFetcher({ url: config.endpoint });
  var props = { fetcher: fetcher, defaultEditorToolsVisibility: true };
  if (config.defaultQuery) {
    props.defaultQuery = config.defaultQuery;
  }
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, props));
})();
