(function () {
  'use strict';

  /** A user's best ratings shown beside their list; the rest are counted. */
  var SHOWN_RATINGS = 12;

  function byId(id) { return document.getElementById(id); }

  /** Calls the API and hands the parsed JSON to done, or the error message to failed. */
  function call(method, path, body, done, failed) {
    var request = new XMLHttpRequest();
    request.open(method, path, true);
    request.setRequestHeader('Accept', 'application/json');
    if (body !== null) {
      request.setRequestHeader('Content-Type', 'application/json');
    }
    request.onload = function () {
      var answer = null;
      try { answer = JSON.parse(request.responseText); } catch (e) { answer = null; }
      if (request.status >= 200 && request.status < 300 && answer !== null) {
        done(answer);
      } else if (answer !== null && answer.error) {
        failed(answer.error.message, answer.error);
      } else {
        failed('the server answered HTTP ' + request.status, null);
      }
    };
    request.onerror = function () { failed('the server cannot be reached', null); };
    request.send(body === null ? null : JSON.stringify(body));
  }

  function clear(element) {
    while (element.firstChild) { element.removeChild(element.firstChild); }
  }

  /** One list line: a score, the title (or the id) and the genres; text only, never HTML. */
  function movieItem(score, movie) {
    var item = document.createElement('li');
    var value = document.createElement('span');
    value.className = 'score';
    value.textContent = score;
    item.appendChild(value);
    item.appendChild(document.createTextNode(' ' + (movie.title || ('movie ' + movie.movie)) + ' '));
    if (movie.genres && movie.genres.length) {
      var genres = document.createElement('span');
      genres.className = 'genres';
      genres.textContent = movie.genres.join(', ');
      item.appendChild(genres);
    }
    item.setAttribute('data-movie', String(movie.movie));
    return item;
  }

  var stars = [];

  function showModel(model) {
    stars = [];
    for (var value = model.scale.max; value >= model.scale.min - 1e-6; value -= model.scale.step) {
      stars.push(Math.round(value * 100) / 100);
    }
    // With a rating model, the lists come from one file and the stars from another.
    var ratings = model.rating_model ? ', stars from ' + model.rating_model.backend + ' model ' +
        model.rating_model.file : '';
    var version = model.version.split('+').map(function (part) {
      return part.substring(0, 12);
    }).join('+');
    byId('model-line').textContent = model.backend + ' model ' + model.file + ratings + ' · ' +
        model.users + ' users × ' + model.movies + ' movies · version ' +
        version + ' · cold start: ' + model.cold_start;
  }

  function showUser() {
    var user = byId('user-id').value.trim();
    var top = byId('top').value;
    byId('user-error').textContent = '';
    if (user === '') {
      byId('user-error').textContent = 'Type a user id, or pick a random user.';
      return;
    }
    var genre = byId('genre').value;
    var query = '?top=' + top + (genre === '' ? '' : '&genre=' + encodeURIComponent(genre));
    call('GET', '/v1/users/' + encodeURIComponent(user) + '/recommendations' + query, null,
      function (answer) {
        var list = byId('recommended');
        clear(list);
        byId('recommended-heading').textContent = 'Recommended for user ' + answer.user +
            (answer.known_user ? '' : ' (unknown to the model: liked by most)');
        answer.recommendations.forEach(function (r) {
          list.appendChild(movieItem(r.predicted_rating.toFixed(2), r));
        });
      },
      function (message) {
        clear(byId('recommended'));
        byId('user-error').textContent = message;
      });
    call('GET', '/v1/users/' + encodeURIComponent(user) + '/ratings?limit=' + SHOWN_RATINGS, null,
      function (answer) {
        var list = byId('rated');
        clear(list);
        byId('rated-heading').textContent = 'Rated by user ' + answer.user + ' (' + answer.count + ')';
        byId('rated-note').textContent = '';
        answer.ratings.forEach(function (r) {
          list.appendChild(movieItem(r.rating === undefined ? 'rated' : r.rating.toFixed(1), r));
        });
        if (answer.source === 'model') {
          byId('rated-note').textContent = 'Stars are known only with a dataset (serve --data).';
        }
        if (answer.count > SHOWN_RATINGS) {
          byId('rated-note').textContent += ' And ' + (answer.count - SHOWN_RATINGS) + ' more.';
        }
      },
      function (message) {
        clear(byId('rated'));
        byId('rated-heading').textContent = 'Rated';
        byId('rated-note').textContent = message;
      });
  }

  /** Picks one of the model's users at random: one page of one user at a random offset. */
  function randomUser() {
    var failed = function (message) { byId('user-error').textContent = message; };
    call('GET', '/v1/users?limit=1', null,
      function (first) {
        var offset = Math.floor(Math.random() * first.total);
        call('GET', '/v1/users?limit=1&offset=' + offset, null,
          function (answer) {
            byId('user-id').value = String(answer.users[0]);
            showUser();
          }, failed);
      }, failed);
  }

  /** Adds a movie to the new user's ratings, with a star selector; once per movie. */
  function addRating(movie) {
    var list = byId('my-ratings');
    var existing = list.querySelector('li[data-movie="' + movie.movie + '"]');
    if (existing) {
      return existing;
    }
    var item = document.createElement('li');
    item.setAttribute('data-movie', String(movie.movie));
    var select = document.createElement('select');
    select.className = 'stars';
    stars.forEach(function (value) {
      var option = document.createElement('option');
      option.value = String(value);
      option.textContent = value + ' ★';
      select.appendChild(option);
    });
    item.appendChild(select);
    item.appendChild(document.createTextNode(' ' + (movie.title || ('movie ' + movie.movie)) + ' '));
    var remove = document.createElement('button');
    remove.className = 'secondary remove';
    remove.textContent = 'remove';
    remove.addEventListener('click', function () {
      list.removeChild(item);
      updateShareLink();
    });
    select.addEventListener('change', updateShareLink);
    item.appendChild(remove);
    list.appendChild(item);
    updateShareLink();
    return item;
  }

  /** The new user's ratings as movie:stars entries, in the order they were added. */
  function myRatings() {
    var ratings = [];
    var rows = byId('my-ratings').getElementsByTagName('li');
    for (var i = 0; i < rows.length; i++) {
      ratings.push({
        movie: parseInt(rows[i].getAttribute('data-movie'), 10),
        rating: parseFloat(rows[i].getElementsByTagName('select')[0].value)
      });
    }
    return ratings;
  }

  /** Points the share link at an address that opens these ratings again. */
  function updateShareLink() {
    var link = byId('share-link');
    var entries = myRatings().map(function (r) { return r.movie + ':' + r.rating; });
    link.hidden = entries.length === 0;
    link.href = location.pathname + '#rate=' + entries.join(',');
  }

  function searchMovies() {
    var query = byId('movie-query').value.trim();
    byId('new-user-error').textContent = '';
    if (query === '') {
      return;
    }
    call('GET', '/v1/movies?limit=8&query=' + encodeURIComponent(query), null,
      function (answer) {
        var list = byId('found');
        clear(list);
        answer.movies.forEach(function (movie) {
          var item = document.createElement('li');
          var add = document.createElement('button');
          add.className = 'secondary add';
          add.textContent = 'rate';
          add.addEventListener('click', function () { addRating(movie); });
          item.appendChild(add);
          item.appendChild(document.createTextNode(' ' + movie.title));
          item.setAttribute('data-movie', String(movie.movie));
          list.appendChild(item);
        });
        if (answer.movies.length === 0) {
          byId('new-user-error').textContent = 'No title contains "' + query + '".';
        }
      },
      function (message) { byId('new-user-error').textContent = message; });
  }

  function recommendMe() {
    var ratings = myRatings();
    byId('new-user-error').textContent = '';
    if (ratings.length === 0) {
      byId('new-user-error').textContent = 'Rate at least one movie first.';
      return;
    }
    var top = parseInt(byId('top').value, 10);
    // Against a ratings store the ratings are kept under this browser's own user id and the list
    // comes from the stored history; a server without a store (501) fits them in for this list only.
    call('POST', '/v1/users/' + myUserId() + '/ratings', { ratings: ratings },
      function (written) {
        call('GET', '/v1/users/' + written.user + '/recommendations?top=' + top, null,
          function (answer) {
            showForMe(answer.recommendations, 'For you (user ' + written.user + ', ' +
                written.stored_ratings + ' stored rating' +
                (written.stored_ratings === 1 ? '' : 's') + ')');
          },
          function (message) { byId('new-user-error').textContent = message; });
      },
      function (message, error) {
        if (error === null || error.code !== 'no_store') {
          byId('new-user-error').textContent = message;
          return;
        }
        call('POST', '/v1/recommendations', { ratings: ratings, top: top },
          function (answer) {
            showForMe(answer.recommendations, 'For you, from ' + answer.ratings_fitted +
                ' rating' + (answer.ratings_fitted === 1 ? '' : 's'));
          },
          function (again) { byId('new-user-error').textContent = again; });
      });
  }

  function showForMe(recommendations, heading) {
    var list = byId('for-me');
    clear(list);
    byId('for-me-heading').textContent = heading;
    recommendations.forEach(function (r) {
      list.appendChild(movieItem(r.predicted_rating.toFixed(2), r));
    });
  }

  /** This browser's user id for stored ratings, drawn once above any MovieLens id and kept. */
  function myUserId() {
    var key = 'movierec.user';
    var id = null;
    try { id = window.localStorage.getItem(key); } catch (e) { id = null; }
    if (id === null || !/^[0-9]+$/.test(id)) {
      id = String(1000000000 + Math.floor(Math.random() * 1000000000));
      try { window.localStorage.setItem(key, id); } catch (e) { /* kept for this page only */ }
    }
    return id;
  }

  byId('search-movies').addEventListener('click', searchMovies);
  byId('movie-query').addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { searchMovies(); }
  });
  byId('recommend-me').addEventListener('click', recommendMe);
  byId('show-user').addEventListener('click', showUser);
  byId('random-user').addEventListener('click', randomUser);
  byId('user-id').addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { showUser(); }
  });
  call('GET', '/v1/genres', null, function (answer) {
    answer.genres.forEach(function (name) {
      var option = document.createElement('option');
      option.value = name;
      option.textContent = name;
      byId('genre').appendChild(option);
    });
  }, function () {});
  /**
   * Opens what the address asks for, so that a view can be shared as a link:
   * #user=196 shows that user, and rate=50:5,181:4 rates those movies as a new user.
   */
  function openFromAddress() {
    var wanted = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      var pair = part.split('=');
      if (pair.length !== 2) { return; }
      try {
        wanted[pair[0]] = decodeURIComponent(pair[1]);
      } catch (e) {
        // A mistyped %-escape in a shared link: the part is left out, the rest still opens.
        byId('link-note').textContent = 'The link\'s ' + pair[0] + ' part is garbled and was left out.';
      }
    });
    if (wanted.user) {
      byId('user-id').value = wanted.user;
      showUser();
    }
    if (wanted.rate) {
      openRatings(wanted.rate);
    }
  }

  /**
   * Rates the movies of a link's rate=50:5,181:4, in its order; a movie named twice keeps its last
   * stars. Once every movie has answered, found or not, the list is asked for.
   */
  function openRatings(text) {
    var starsByMovie = {};
    var order = [];
    text.split(',').forEach(function (entry) {
      var movieAndStars = entry.split(':');
      var movie = movieAndStars[0].trim();
      if (movie === '') { return; }
      if (!Object.prototype.hasOwnProperty.call(starsByMovie, movie)) { order.push(movie); }
      starsByMovie[movie] = movieAndStars.length > 1 ? movieAndStars[1] : '';
    });
    var answered = 0;
    var found = {};
    function settle() {
      answered++;
      if (answered < order.length) { return; }
      order.forEach(function (movie) {
        if (!found[movie]) { return; }
        var item = addRating(found[movie]);
        var select = item.getElementsByTagName('select')[0];
        var stars = parseFloat(starsByMovie[movie]);
        for (var i = 0; i < select.options.length; i++) {
          if (parseFloat(select.options[i].value) === stars) { select.selectedIndex = i; }
        }
      });
      updateShareLink();
      if (byId('my-ratings').getElementsByTagName('li').length > 0) { recommendMe(); }
    }
    order.forEach(function (movie) {
      call('GET', '/v1/movies/' + encodeURIComponent(movie), null,
        function (answer) { found[movie] = answer; settle(); },
        function (message) { byId('new-user-error').textContent = message; settle(); });
    });
  }

  call('GET', '/v1/model', null, function (model) {
    showModel(model);
    openFromAddress();
  }, function (message) { byId('model-line').textContent = message; });
}());
