module.exports = {title: 'x', url: 'https://example.org', baseUrl: '/'};
